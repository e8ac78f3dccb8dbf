import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { recordAudit } from '@/lib/audit/repo'
import { createDb } from './connection'
import { runScript } from '@/tests/support/db/run-script'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'

/*
 * The real deployment: the server has the database open and writes, while a person runs the user
 * CLI against the same file. Both processes' writes must land; neither may fail with "busy".
 */
describeDialects('two writers on one database', (target) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await target.open()
  })
  afterAll(() => t.close())

  const count = async (action: string) =>
    (await t.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length

  it('the server and the user CLI write at the same time, and both are kept', async () => {
    const cli = runScript(
      'user.ts',
      ['add', 'racer', '--role', 'cashier', '--password', 'secret123'],
      t.childEnv,
    )
    // The "server" holds a write transaction for a while as the CLI starts (on SQLite the CLI has
    // to wait on the busy timeout), then keeps writing while the CLI finishes.
    await t.db.transaction().execute(async (trx) => {
      await recordAudit({ actorKind: 'system', actorName: 'server', action: 'test.held' }, trx)
      await sleep(2500)
      await recordAudit({ actorKind: 'system', actorName: 'server', action: 'test.held' }, trx)
    })
    let written = 0
    let done = false
    void cli.finally(() => (done = true))
    while (!done || written < 20) {
      await recordAudit({ actorKind: 'system', actorName: 'server', action: 'test.loop' }, t.db)
      written++
      await sleep(5)
    }
    const result = await cli
    expect([result.code, result.stderr]).toEqual([0, ''])
    expect(await count('test.held')).toBe(2)
    expect(await count('test.loop')).toBe(written)
    expect(await count('user.create')).toBe(1)
    const user = await t.db
      .selectFrom('users')
      .select('username')
      .where('username', '=', 'racer')
      .execute()
    expect(user).toHaveLength(1)
  }, 60_000)

  it('a second connection in the same process sees and adds to the first one’s writes', async () => {
    const second = createDb(t.options).db
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          recordAudit(
            { actorKind: 'system', actorName: 'x', action: 'test.two' },
            i % 2 ? t.db : second,
          ),
        ),
      )
      expect(await count('test.two')).toBe(20)
    } finally {
      await second.destroy()
    }
  })
})
