import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { migrate } from '../migrate'
import { migrations } from './index'

/*
 * Entries written before actor_kind existed get their kind from what only their writers did: a
 * typed sign-in name stays a sign-in even when it reads "system"; the tools' own entries get theirs.
 */
describeDialects('0016-audit-actor-kind', (target) => {
  let t: TestDatabase | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  it('sorts the entries already written by who wrote them', async () => {
    t = await target.open({ migrated: false })
    const before = migrations.filter((m) => m.name < '0016-audit-actor-kind')
    // Every migration up to this one, and only those: later ones may follow it in the list.
    expect(before.length).toBeGreaterThan(0)
    expect(before).toEqual(
      migrations.slice(
        0,
        migrations.findIndex((m) => m.name === '0016-audit-actor-kind'),
      ),
    )
    await migrate(t.db, before)
    const old = [
      [null, 'system', 'auth.sign-in-failed'],
      [null, 'seed', 'auth.sign-in-blocked'],
      ['u-1', 'admin', 'auth.sign-in'],
      ['u-1', 'admin', 'user.create'],
      [null, 'system', 'station.create'],
      [null, 'seed', 'user.create'],
      [null, 'cli', 'user.role'],
      [null, 'display', 'display.pair'],
    ] as const
    for (const [i, [id, name, action]] of old.entries()) {
      await sql`insert into audit_log (at, actor_id, actor_name, action) values (${i + 1}, ${id}, ${name}, ${action})`.execute(
        t.db,
      )
    }
    await migrate(t.db)
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['actor_name', 'action', 'actor_kind'])
      .orderBy('at')
      .execute()
    expect(rows.map((r) => [r.actor_name, r.action, r.actor_kind])).toEqual([
      ['system', 'auth.sign-in-failed', 'sign-in'],
      ['seed', 'auth.sign-in-blocked', 'sign-in'],
      ['admin', 'auth.sign-in', 'user'],
      ['admin', 'user.create', 'user'],
      ['system', 'station.create', 'system'],
      ['seed', 'user.create', 'seed'],
      ['cli', 'user.role', 'cli'],
      ['display', 'display.pair', 'display'],
    ])
  })
})
