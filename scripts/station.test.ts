import { afterAll, beforeAll, expect, it } from 'vitest'
import { runScript } from '@/tests/support/db/run-script'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { redeemPairingCode } from '@/lib/display/pairing'

describeDialects('npm run station', (target) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await target.open()
  })
  afterAll(() => t.close())

  const station = (...args: string[]) =>
    runScript('station.ts', args, { ...t.childEnv, PORT: '3456' })

  it('adds a station and prints a one-time pairing URL that pairs a tablet', async () => {
    const res = await station('add', '前台', '2')
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/Added station "前台 2" \(id [0-9a-f-]{36}\)/)
    const url = /http:\/\/localhost:3456\/pair\/([A-Z]{6})/.exec(res.stdout)
    expect(url).not.toBeNull()
    const paired = await redeemPairingCode(url![1]!, {}, { db: t.db })
    expect(paired.ok).toBe(true)
    expect(await redeemPairingCode(url![1]!, {}, { db: t.db })).toMatchObject({ ok: false })
  })

  it('pairs an existing station by name with another base URL, and lists stations', async () => {
    const res = await station('pair', '前台 2', '--base-url', 'https://shop.example/')
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/https:\/\/shop\.example\/pair\/[A-Z]{6}\n/)
    const list = await station('list')
    expect(list.stdout).toMatch(/前台 2\s+[0-9a-f-]{36}\s+1 tablet\(s\), never connected/)
  })

  it('explains a mistake', async () => {
    const res = await station('pair', 'no such desk')
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('no station "no such desk"')
  })
})
