import { CompiledQuery, type Kysely, type KyselyPlugin } from 'kysely'
import { filterDays, parseChargeFilter, toChargeQuery } from '@/lib/charges/queries/filters'
import { listCharges } from '@/lib/charges/queries/list'
import { paidChart } from '@/lib/charges/queries/paid-chart'
import { resolveSearch } from '@/lib/charges/queries/search'
import { chargeTotals } from '@/lib/charges/queries/totals'
import { dialectOf, type Database } from '@/lib/db'
import type { FilterCase } from './scale-queries'

/*
 * The plans behind a slow case: the list's, the totals' and the chart's SQL exactly as the app sends them
 * (captured by a plugin, compiled by the same executor), run under EXPLAIN QUERY PLAN (SQLite) or
 * EXPLAIN ANALYZE (PostgreSQL). For SCALE_EXPLAIN=1 runs, to see which index a miss lacks.
 */

type Row = Record<string, unknown>

async function captureQueries(db: Kysely<Database>, c: FilterCase, now: number) {
  const executor = db.getExecutor()
  const captured: CompiledQuery[] = []
  const spy: KyselyPlugin = {
    transformQuery(args) {
      // Only the SELECTs: dialectOf() compiles a raw probe through the plugin too.
      if (args.node.kind === 'SelectQueryNode')
        captured.push(executor.compileQuery(args.node, args.queryId))
      return args.node
    },
    transformResult: async (args) => args.result,
  }
  const spied = db.withPlugin(spy)
  const { filter } = parseChargeFilter(new URLSearchParams(c.params))
  const query = await resolveSearch(toChargeQuery(filter, now), spied)
  await listCharges(query, { kind: 'first' }, { db: spied })
  await chargeTotals(query, spied)
  await paidChart(query, filterDays(filter, now), now, spied)
  return captured
}

/** One text block per query: its first line of SQL, then its plan. */
export async function explainCase(
  db: Kysely<Database>,
  c: FilterCase,
  now: number,
): Promise<string> {
  const postgres = dialectOf(db) === 'postgres'
  const out: string[] = []
  for (const q of await captureQueries(db, c, now)) {
    const prefix = postgres ? 'explain (analyze, costs off)' : 'explain query plan'
    const { rows } = await db.executeQuery<Row>(
      CompiledQuery.raw(`${prefix} ${q.sql}`, [...q.parameters]),
    )
    const plan = rows.map((r) => String(postgres ? r['QUERY PLAN'] : r.detail))
    out.push(`    ${q.sql.slice(0, 110)}…`, ...plan.map((line) => `      ${line}`))
  }
  return out.join('\n')
}
