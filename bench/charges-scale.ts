/*
 * The manager's list at volume: SCALE_ROWS charges (default 1,000,000) over 60 days, 3 stations,
 * 5 cashiers, seeded into a fresh SQLite file (data/bench-scale/) and a fresh PostgreSQL database
 * (dropped at the end), both through migrate(). Then, for each filter a manager uses, the p95 of the
 * list's first page + the totals of the whole set over SCALE_RUNS runs (default 30; a slow case stops
 * after SCALE_BUDGET_MS, default 12 s, and at least 10 runs). Target: list + totals p95 ≤ 100 ms.
 * The chart (the page loads it too) is shown for information. Only errors fail the run.
 * Knobs: SCALE_DIALECTS=sqlite|postgres runs one; SCALE_WITHOUT=<migration,…> leaves migrations out
 * (a before/after of an index); SCALE_ANALYZE=1 runs ANALYZE on SQLite after the load (the app never
 * does); SCALE_EXPLAIN=1 prints the plans of the cases that miss; SCALE_KEEP=1 keeps the SQLite file
 * (about 0.7 GB) for a look afterwards; BENCH_PG_URL overrides the server.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import type { Kysely } from 'kysely'
import { createDb, type Database } from '@/lib/db'
import { createTempDatabase } from './support/pg-database'
import { explainCase } from './support/scale-explain'
import { filterCases, timeCase } from './support/scale-queries'
import { seedPostgres, seedSqlite, type SeedOptions, type SeedTimes } from './support/scale-seed'
import { fmt, verdict } from './support/stats'

const ROWS = Number(process.env.SCALE_ROWS ?? 1_000_000)
const RUNS = Number(process.env.SCALE_RUNS ?? 30)
const BUDGET_MS = Number(process.env.SCALE_BUDGET_MS ?? 12_000)
const DIALECTS = (process.env.SCALE_DIALECTS ?? 'sqlite,postgres').split(',')
const EXPLAIN = process.env.SCALE_EXPLAIN === '1'
const SEED: SeedOptions = {
  without: process.env.SCALE_WITHOUT?.split(',').filter(Boolean),
  analyze: process.env.SCALE_ANALYZE === '1',
}
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const TARGET_MS = 100

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

async function timeAll(db: Kysely<Database>, now: number): Promise<void> {
  // Timings are wall-clock: on a shared machine the load average says how much they are inflated.
  const load = () => fmt(loadavg()[0]!, 1)
  console.log(
    `  p95 per filter, list (first page) + totals (target ≤ ${TARGET_MS} ms), load average ${load()}:`,
  )
  let met = 0
  const cases = filterCases(now)
  for (const c of cases) {
    const t = await timeCase(db, c, now, RUNS, BUDGET_MS)
    const ok = t.listTotals <= TARGET_MS
    if (ok) met++
    console.log(
      `  ${t.name.padEnd(27)}${count(t.rows).padStart(10)} rows  ${fmt(t.list, 1).padStart(6)} + ${fmt(t.totals, 1).padStart(6)} = ${fmt(t.listTotals, 1).padStart(6)} ms = ${fmt(t.listTotals / TARGET_MS).padStart(5)}× target: ${verdict(ok)}  (median ${fmt(t.listTotalsMedian, 1)} ms; chart ${fmt(t.chart, 1)} ms; ${t.runs} runs)`,
    )
    if (!ok && EXPLAIN) console.log(await explainCase(db, c, now))
  }
  console.log(`  ${met}/${cases.length} filters meet the target (load average now ${load()})`)
}

async function sqlite(now: number): Promise<void> {
  // A folder of this run's own: two runs side by side never share a database file.
  mkdirSync('data/runs', { recursive: true })
  const DATA_DIR = mkdtempSync('data/runs/bench-scale-')
  const path = `${DATA_DIR}/cashier.db`
  await seeded(`SQLite (${path})`, () => seedSqlite(path, ROWS, now, SEED))
  const { db } = createDb({ sqlitePath: path })
  try {
    await timeAll(db, now)
  } finally {
    await db.destroy()
    if (process.env.SCALE_KEEP !== '1') rmSync(DATA_DIR, { recursive: true, force: true })
  }
}

async function postgres(now: number): Promise<void> {
  const temp = await createTempDatabase(PG_ADMIN, 'cashier_scale')
  try {
    await seeded(`PostgreSQL (${temp.name})`, () => seedPostgres(temp.url, ROWS, now, SEED))
    const { db } = createDb({ databaseUrl: temp.url })
    try {
      await timeAll(db, now)
    } finally {
      await db.destroy()
    }
  } finally {
    await temp.drop()
  }
}

export async function run(): Promise<void> {
  const now = Date.now()
  if (SEED.without?.length) console.log(`without migrations: ${SEED.without.join(', ')}`)
  if (SEED.analyze) console.log('SQLite: ANALYZE after the load')
  if (DIALECTS.includes('sqlite')) await sqlite(now)
  if (DIALECTS.includes('postgres')) await postgres(now)
}
