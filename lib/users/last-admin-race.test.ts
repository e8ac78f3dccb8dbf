import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_ACTOR, type AuditActor } from '@/lib/audit/types'
import { createDb } from '@/lib/db/connection'
import type { Database } from '@/lib/db/schema'
import { dialectTargets, type TestDatabase } from '@/tests/support/db/targets'
import { until } from '@/tests/support/wait'
import { addUser, changeUserRole, setUserEnabled } from './manage'
import * as repo from './repo'

/*
 * Two admins, each disabling (or demoting) the other at the same moment. Each change counted the
 * enabled admins before the other had committed, saw two, and went ahead: the shop was left with
 * no enabled admin and nobody who could manage staff. On SQLite a write transaction holds the one
 * write lock from its start (BEGIN IMMEDIATE), so the second waits for the first there already;
 * PostgreSQL's read-committed transactions ran both checks side by side.
 */

const postgres = dialectTargets.filter((d) => d.dialect === 'postgres')

describe.each(postgres)('the last enabled admin, two admins at once [$dialect]', (target) => {
  let t: TestDatabase
  let other: Kysely<Database>
  let ann: AuditActor
  let bea: AuditActor
  const opts = (db: Kysely<Database>) => ({ db, bcryptCost: 4 })

  beforeAll(async () => {
    t = await target.open()
    other = createDb(t.options).db
    const add = (username: string) =>
      addUser({ username, password: 'secret123', role: 'admin' }, CLI_ACTOR, opts(t.db))
    const [a, b] = [await add('ann'), await add('bea')]
    ann = { kind: 'user', id: a.id, name: a.username }
    bea = { kind: 'user', id: b.id, name: b.username }
  })
  afterAll(async () => {
    await other.destroy()
    await t.close()
  })

  /** Whether a session waits for the transaction `xid` to end (a row lock it holds). */
  const waitsFor = async (xid: string) => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
      where not granted and locktype = 'transactionid' and transactionid::text = ${xid}`.execute(
      t.db,
    )
    return rows[0]!.n > 0
  }

  it.each([
    ['disables', (by: AuditActor) => setUserEnabled('ann', false, by, opts(other))],
    ['demotes', (by: AuditActor) => changeUserRole('ann', 'manager', by, opts(other))],
  ] as const)('one admin disables the other while the other %s them', async (_, second) => {
    let changed!: (xid: string) => void
    const firstChanged = new Promise<string>((r) => (changed = r))
    let commit!: () => void
    const mayCommit = new Promise<void>((r) => (commit = r))
    // Ann disables Bea; her transaction stays open until Bea's change has been tried.
    const first = t.db.transaction().execute(async (trx) => {
      await setUserEnabled('bea', false, ann, opts(trx))
      const { rows } = await sql<{
        xid: string
      }>`select (txid_current() % 4294967296)::text as xid`.execute(trx)
      changed(rows[0]!.xid)
      await mayCommit
    })
    const xid = await firstChanged
    let settled = false
    const attempt = second(bea).finally(() => (settled = true))
    attempt.catch(() => {})
    // Bea's change has either gone through (it saw two admins) or waits for Ann's to end.
    expect(await until(async () => settled || (await waitsFor(xid)), 10_000, 20)).toBe(true)
    commit()
    await first
    await expect(attempt).rejects.toMatchObject({ code: 'last_admin' })
    expect(await repo.countEnabledAdmins(t.db)).toBe(1)
    // Put Bea back for the next case.
    await setUserEnabled('bea', true, CLI_ACTOR, opts(t.db))
  })
})
