import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { migrate } from './migrate'
import { migrations } from './migrations'
import type { Migration } from './migrations/types'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { runScript } from '@/tests/support/db/run-script'

const names = migrations.map((m) => m.name)

describeDialects('migrations', (target) => {
  let t: TestDatabase | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  async function recorded(tdb: TestDatabase) {
    const rows = await tdb.db
      .selectFrom('schema_migrations')
      .select('name')
      .orderBy('name')
      .execute()
    return rows.map((r) => r.name)
  }

  it('applies every migration once and is idempotent', async () => {
    t = await target.open({ migrated: false })
    expect(await migrate(t.db)).toEqual({ applied: names, unknown: [] })
    expect(await migrate(t.db)).toEqual({ applied: [], unknown: [] })
    expect(await recorded(t)).toEqual(names)
    const { count } = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    expect(count).toBe(0)
  })

  it('rolls a failing migration back with everything applied in the same run', async () => {
    t = await target.open({ migrated: false })
    const broken: Migration = {
      name: '9999-broken',
      async up(db) {
        await db.schema.createTable('half_done').addColumn('id', 'text').execute()
        throw new Error('boom')
      },
    }
    await expect(migrate(t.db, [...migrations, broken])).rejects.toThrow('boom')
    // Nothing at all was applied: the run is one transaction.
    const tables = await sql`select 1 from users`.execute(t.db).then(
      () => 'exists',
      () => 'missing',
    )
    expect(tables).toBe('missing')
    expect(await migrate(t.db)).toEqual({ applied: names, unknown: [] })
  })

  it('reports migrations recorded by a newer version without failing', async () => {
    t = await target.open()
    await t.db
      .insertInto('schema_migrations')
      .values({ name: '9999-future', applied_at: 1 })
      .execute()
    expect(await migrate(t.db)).toEqual({ applied: [], unknown: ['9999-future'] })
  })

  it('is safe when two processes migrate the same fresh database at once', async () => {
    t = await target.open({ migrated: false })
    const env = t.childEnv
    const [a, b] = await Promise.all([
      runScript('migrate.ts', [], env),
      runScript('migrate.ts', [], env),
    ])
    expect([a.code, a.stderr], a.stdout).toEqual([0, ''])
    expect([b.code, b.stderr], b.stdout).toEqual([0, ''])
    // Each migration was applied by exactly one of them and recorded once.
    const appliedLines = (a.stdout + b.stdout).split('\n').filter((l) => l.startsWith('applied '))
    expect(appliedLines.sort()).toEqual(names.map((n) => `applied ${n}`))
    expect(await recorded(t)).toEqual(names)
  }, 60_000)
})
