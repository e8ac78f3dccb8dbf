import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EMPTY_FILTER, toChargeQuery } from '@/lib/charges/queries/filters'
import { chargeTotals } from '@/lib/charges/queries/totals'
import { createDb } from '@/lib/db/connection'
import { runScript } from '@/tests/support/db/run-script'
import { freePort } from '@/tests/support/ports'

/*
 * `npm run seed` as cashier.sh and the e2e server run it (SQLite; demo-history.test.ts runs the
 * history itself on both databases): the history only with --history, only in demo mode, only once.
 */

describe('npm run seed -- --history', () => {
  let dir: string
  let env: Record<string, string | undefined>
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cashier-seed-'))
    env = {
      SQLITE_PATH: join(dir, 'cashier.db'),
      DATABASE_URL: undefined,
      PGOPTIONS: undefined,
      SANDBOX_DATA: join(dir, 'sandbox.json'),
      SANDBOX_PORT: String(await freePort()),
      // Given, so that the seed writes no secret files into the repository's data/.
      AUTH_SECRET: 'seed-test-secret-0123456789abcdefghij',
      DMS_NOTIFY_SECRET: 'seed-test-notify-secret-0123456789',
      DMS_TOKEN: undefined,
      DMS_BASE_URL: undefined,
      DMS_SANDBOX: '1',
    }
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const seed = (args: string[], over: Record<string, string | undefined> = {}) =>
    runScript('seed-demo.ts', args, { ...env, ...over })
  const ledgerCount = async () => {
    const { db } = createDb({ sqlitePath: env.SQLITE_PATH! })
    try {
      const q = toChargeQuery({ ...EMPTY_FILTER, preset: 'all' }, Date.now())
      return (await chargeTotals(q, db)).all.count
    } finally {
      await db.destroy()
    }
  }
  const sandboxOrders = () =>
    (JSON.parse(readFileSync(env.SANDBOX_DATA!, 'utf8')) as { state: { orders: unknown[] } }).state
      .orders.length

  it('adds no history without --history (the e2e server), nor against a real DMS', async () => {
    const plain = await seed([])
    expect(plain.code).toBe(0)
    expect(plain.stdout).toContain('cashier  cashier  收银员小王')
    expect(plain.stdout).not.toContain('Demo history')
    const real = await seed(['--history'], { DMS_BASE_URL: 'http://127.0.0.1:9', DMS_SANDBOX: '' })
    expect(real.code).toBe(0)
    expect(real.stdout).toContain('Demo history: none added (not a demo')
    expect(await ledgerCount()).toBe(0)
  }, 60_000)

  it('adds the demo charges through the sandbox and its data file, and a second run adds none', async () => {
    const first = await seed(['--history'])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain(
      'Demo history: 9 charges by 收银员小王 at 前台 1, over the last 6 days: 7 paid (1 after a cancel, on 待处理), 1 failed, 1 closed',
    )
    expect(await ledgerCount()).toBe(9)
    expect(sandboxOrders()).toBe(9)
    const second = await seed(['--history'])
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('Demo history: the ledger has charges already, none added')
    expect(await ledgerCount()).toBe(9)
    expect(sandboxOrders()).toBe(9)
  }, 60_000)
})
