import { afterEach, beforeEach, expect, it } from 'vitest'
import { listAudit } from '@/lib/audit/repo'
import type { AuditActor } from '@/lib/audit/types'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { getSettings, updateSettings } from './repo'
import { DEFAULT_SETTINGS } from './schema'

const manager: AuditActor = { kind: 'user', id: 'user-1', name: 'manager', ip: '10.0.0.7' }

describeDialects('settings', (target) => {
  let t: TestDatabase
  beforeEach(async () => {
    t = await target.open()
  })
  afterEach(() => t.close())

  it('starts with the defaults', async () => {
    expect(await getSettings(t.db)).toEqual({
      shopName: '汽车维修服务中心',
      language: 'zh-CN',
      cashierTimeoutSec: 300,
      maxAmountFen: 10_000_000,
      speakPaid: true,
    })
  })

  it('updates some keys, keeps the rest, and persists', async () => {
    const next = await updateSettings(
      { shopName: ' 老李汽修 ', speakPaid: false, cashierTimeoutSec: 600 },
      manager,
      t.db,
    )
    const expected = {
      ...DEFAULT_SETTINGS,
      shopName: '老李汽修',
      speakPaid: false,
      cashierTimeoutSec: 600,
    }
    expect(next).toEqual(expected)
    expect(await getSettings(t.db)).toEqual(expected)
    const row = await t.db
      .selectFrom('settings')
      .selectAll()
      .where('key', '=', 'speakPaid')
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ value: 'false', updated_by: 'user-1' })
  })

  it('audits only what changed, with old and new values and the ip', async () => {
    await updateSettings({ language: 'en', maxAmountFen: 10_000_000 }, manager, t.db)
    await updateSettings({ language: 'en' }, manager, t.db) // no change: no entry
    const { entries } = await listAudit({}, t.db)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'settings.update',
      actorId: 'user-1',
      ip: '10.0.0.7',
      detail: { language: { from: 'zh-CN', to: 'en' } },
    })
  })

  it.each([
    [{ cashierTimeoutSec: 59 }],
    [{ cashierTimeoutSec: 3601 }],
    [{ cashierTimeoutSec: 90.5 }],
    [{ language: 'fr' }],
    [{ maxAmountFen: 0 }],
    [{ shopName: '' }],
    [{ colour: 'red' }],
  ])('refuses %o', async (patch) => {
    await expect(updateSettings(patch as never, manager, t.db)).rejects.toThrow()
    expect(await getSettings(t.db)).toEqual(DEFAULT_SETTINGS)
  })

  it('reads a stored value that no longer validates as the default', async () => {
    await t.db
      .insertInto('settings')
      .values([
        { key: 'cashierTimeoutSec', value: '5', updated_at: 1, updated_by: 'x' },
        { key: 'shopName', value: 'not json', updated_at: 1, updated_by: 'x' },
        { key: 'retired', value: '1', updated_at: 1, updated_by: 'x' },
      ])
      .execute()
    expect(await getSettings(t.db)).toEqual(DEFAULT_SETTINGS)
  })
})
