/*
 * The manager's list at volume: SCALE_ROWS charges (default 1,000,000) over 60 days, 3 stations,
 * 5 cashiers, seeded into a fresh SQLite file (data/runs/bench-scale-*) and a fresh PostgreSQL
 * database (dropped at the end), both through migrate(). Then, for each search and each filter a
 * manager uses, the p95 of what the page waits for: the search (once) + the list's first page +
 * the totals of the whole set + the chart, over SCALE_RUNS runs (default 30; a slow case stops
 * after SCALE_BUDGET_MS, default 12 s, and at least 10 runs). Targets: a search ≤ 50 ms, any other filter ≤ 100 ms.
 * Lower bounds before the verdict: the ledger really holds SCALE_ROWS charges and every search
 * found exactly the charges the generator made to match. Exits 1 when a bound is short or a target
 * is missed. Not part of scripts/proofs.sh (about 10 minutes at 1M).
 * Knobs: SCALE_DIALECTS=sqlite|postgres runs one; SCALE_WITHOUT=<migration,…> leaves migrations out
 * (a before/after of an index); SCALE_EXPLAIN=1 prints the plans of the cases that miss;
 * SCALE_KEEP=1 keeps the SQLite file (about 1 GB) for a look afterwards; BENCH_PG_URL overrides the
 * server. Statistics are the app's own: SQLite's PRAGMA optimize when it opens
 * (lib/db/sqlite-stats.ts), PostgreSQL's VACUUM ANALYZE after the load, as autovacuum would.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import type { Kysely } from 'kysely'
import { createDb, type Database } from '@/lib/db'
import { LowerBounds } from './support/lower-bounds'
import { createTempDatabase } from './support/pg-database'
import { expectedMatches } from './support/scale-data'
import { explainCase } from './support/scale-explain'
import { filterCases, timeCase, type FilterCase } from './support/scale-queries'
import { seedPostgres, seedSqlite, type SeedOptions, type SeedTimes } from './support/scale-seed'
import { fmt, verdict } from './support/stats'

const ROWS = Number(process.env.SCALE_ROWS ?? 1_000_000)
const RUNS = Number(process.env.SCALE_RUNS ?? 30)
const BUDGET_MS = Number(process.env.SCALE_BUDGET_MS ?? 12_000)
const DIALECTS = (process.env.SCALE_DIALECTS ?? 'sqlite,postgres').split(',')
const EXPLAIN = process.env.SCALE_EXPLAIN === '1'
const SEED: SeedOptions = { without: process.env.SCALE_WITHOUT?.split(',').filter(Boolean) }
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const count = (n: number) => n.toLocaleString('en')

async function seeded(label: string, seed: () => Promise<SeedTimes>): Promise<void> {
  const t0 = performance.now()
  const times = await seed()
  const s = (performance.now() - t0) / 1000
  const later = times.later.length
    ? `; then ${times.later.join(', ')} on the loaded data: ${fmt(times.laterMs / 1000, 1)} s`
    : ''
  console.log(
    `${label}: seeded ${count(ROWS)} charges in ${fmt(s, 1)} s (load ${fmt(times.loadMs / 1000, 1)} s, ${count(Math.round(ROWS / (times.loadMs / 1000)))} rows/s${later})`,
  )
}

interface Outcome {
  met: number
  cases: number
}

async function timeAll(
  label: string,
  db: Kysely<Database>,
  now: number,
  cases: FilterCase[],
  expected: Map<FilterCase, number>,
  bounds: LowerBounds,
): Promise<Outcome> {
  const ledger = await db
    .selectFrom('charges')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  bounds.exactly(`${label}: charges in the ledger`, Number(ledger.n), ROWS)
  // Timings are wall-clock: on a shared machine the load average says how much they are inflated.
  const load = () => fmt(loadavg()[0]!, 1)
  console.log(
    `  p95 per URL, search + list (first page) + totals + chart = page, against its target; load average ${load()}:`,
  )
  let met = 0
  for (const c of cases) {
    const t = await timeCase(db, c, now, RUNS, BUDGET_MS)
    const ok = t.page <= c.targetMs
    if (ok) met++
    const want = expected.get(c)
    if (want !== undefined) bounds.exactly(`${label}: ${c.name} found`, t.rows, want)
    console.log(
      `  ${t.name.padEnd(44)}${count(t.rows).padStart(10)} rows  ${fmt(t.find, 1).padStart(5)} + ${fmt(t.list, 1).padStart(6)} + ${fmt(t.totals, 1).padStart(6)} + ${fmt(t.chart, 1).padStart(6)} = ${fmt(t.page, 1).padStart(6)} ms (target ≤ ${c.targetMs}) = ${fmt(t.page / c.targetMs).padStart(5)}× target: ${verdict(ok)}  (median ${fmt(t.pageMedian, 1)} ms; ${t.runs} runs)`,
    )
    if (!ok && EXPLAIN) console.log(await explainCase(db, c, now))
  }
  console.log(`  ${met}/${cases.length} URLs meet their target (load average now ${load()})`)
  return { met, cases: cases.length }
}

async function sqlite(now: number, run: Run): Promise<Outcome> {
  // A folder of this run's own: two runs side by side never share a database file.
  mkdirSync('data/runs', { recursive: true })
  const DATA_DIR = mkdtempSync('data/runs/bench-scale-')
  const path = `${DATA_DIR}/cashier.db`
  try {
    await seeded(`SQLite (${path})`, () => seedSqlite(path, ROWS, now, SEED))
    const { db } = createDb({ sqlitePath: path })
    try {
      return await run('SQLite', db)
    } finally {
      await db.destroy()
    }
  } finally {
    if (process.env.SCALE_KEEP !== '1') rmSync(DATA_DIR, { recursive: true, force: true })
  }
}

async function postgres(now: number, run: Run): Promise<Outcome> {
  const temp = await createTempDatabase(PG_ADMIN, 'cashier_scale')
  try {
    await seeded(`PostgreSQL (${temp.name})`, () => seedPostgres(temp.url, ROWS, now, SEED))
    const { db } = createDb({ databaseUrl: temp.url })
    try {
      return await run('PostgreSQL', db)
    } finally {
      await db.destroy()
    }
  } finally {
    await temp.drop()
  }
}

type Run = (label: string, db: Kysely<Database>) => Promise<Outcome>

export async function run(): Promise<void> {
  const now = Date.now()
  if (SEED.without?.length) console.log(`without migrations: ${SEED.without.join(', ')}`)
  const cases = filterCases(now, ROWS)
  const searches = cases.filter((c) => c.search)
  const counts = expectedMatches(
    ROWS,
    now,
    searches.map((c) => c.search!),
  )
  const expected = new Map(searches.map((c, i) => [c, counts[i]!]))
  const bounds = new LowerBounds()
  for (const [c, n] of expected) bounds.atLeast(`generator: charges matching ${c.name}`, n, 1)
  const outcomes: Array<[string, Outcome]> = []
  const runOn: Run = (label, db) => timeAll(label, db, now, cases, expected, bounds)
  if (DIALECTS.includes('sqlite')) outcomes.push(['SQLite', await sqlite(now, runOn)])
  if (DIALECTS.includes('postgres')) outcomes.push(['PostgreSQL', await postgres(now, runOn)])
  const held = bounds.print('\nlower bounds')
  const missed = outcomes.filter(([, o]) => o.met < o.cases)
  for (const [name, o] of outcomes)
    console.log(`${name}: ${o.met}/${o.cases} URLs meet their target`)
  const ok = held && missed.length === 0
  console.log(
    `verdict: ${ok ? 'PASS' : held ? 'FAIL (targets missed)' : 'FAIL (lower bounds short)'}`,
  )
  if (!ok) process.exitCode = 1
}
