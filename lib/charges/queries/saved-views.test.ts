import { afterAll, beforeAll, expect, it } from 'vitest'
import { getSettings } from '@/lib/settings/repo'
import { DEFAULT_SETTINGS } from '@/lib/settings/schema'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { deleteView, listSavedViews, MAX_VIEWS, readViews, saveView } from './saved-views'

it('reads a damaged stored list as empty', () => {
  expect(readViews(undefined)).toEqual([])
  expect(readViews('not json')).toEqual([])
  expect(readViews('{"name":1}')).toEqual([])
})

describeDialects('saved views', (target) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await target.open()
  })
  afterAll(() => t.close())

  it('saves views per user in canonical form, replaces by name, deletes', async () => {
    const r = await saveView('u1', ' 本月微信 ', 'pay_way=SCAN_WEIXIN&range=month&min=1,000', t.db)
    expect(r).toEqual({
      ok: true,
      views: [{ name: '本月微信', query: 'range=month&pay_way=SCAN_WEIXIN&min=1000.00' }],
    })
    await saveView('u1', '本月微信', 'status=paid', t.db)
    await saveView('u2', 'mine', 'status=unknown', t.db)
    expect(await listSavedViews('u1', t.db)).toEqual([{ name: '本月微信', query: 'status=paid' }])
    expect(await deleteView('u1', '本月微信', t.db)).toEqual([])
    expect(await listSavedViews('u2', t.db)).toHaveLength(1)
    // The shop's settings ignore these rows.
    expect(await getSettings(t.db)).toEqual(DEFAULT_SETTINGS)
  })

  it('refuses a bad filter, an empty name and more than MAX_VIEWS views', async () => {
    expect(await saveView('u3', 'x', 'min=abc', t.db)).toEqual({ ok: false, error: 'invalid' })
    expect(await saveView('u3', '  ', 'status=paid', t.db)).toEqual({ ok: false, error: 'invalid' })
    for (let i = 0; i < MAX_VIEWS; i++) await saveView('u3', `v${i}`, '', t.db)
    expect(await saveView('u3', 'one more', '', t.db)).toEqual({ ok: false, error: 'too-many' })
    expect((await saveView('u3', 'v0', 'status=paid', t.db)).ok).toBe(true)
  })
})
