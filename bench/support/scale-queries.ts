import type { Kysely } from 'kysely'
import { dailyPaid } from '@/lib/charges/queries/daily'
import { addDays, beijingDay } from '@/lib/charges/queries/days'
import { filterDays, parseChargeFilter, toChargeQuery } from '@/lib/charges/queries/filters'
import { listCharges } from '@/lib/charges/queries/list'
import { chargeTotals } from '@/lib/charges/queries/totals'
import type { Database } from '@/lib/db'
import { billNumber, SCALE_STATIONS } from './scale-data'
import { percentile } from './stats'

/*
 * The manager's list page as the database sees it: for one URL, the first page of the list and the
 * totals of the whole filtered set (and the chart, which the page loads alongside), timed apart.
 */

export interface FilterCase {
  name: string
  /** The list page's URL query, exactly as a manager's browser sends it. */
  params: string
}

export function filterCases(now: number): FilterCase[] {
  const today = beijingDay(now)
  // A bill number typed without its prefix and station letter: matches that number at every station.
  const bill = billNumber('X', addDays(today, -3), 123).slice(3)
  return [
    { name: 'no filter (page as opened)', params: '' },
    { name: 'today', params: 'range=today' },
    { name: 'this month', params: 'range=month' },
    { name: 'status + pay way', params: 'status=failed&pay_way=SCAN_ALIPAY' },
    { name: 'station', params: `station=${SCALE_STATIONS[1].id}` },
    { name: 'bill search', params: `q=${bill}` },
    {
      name: '30 days + amount',
      params: `from=${addDays(today, -29)}&to=${today}&min=100&max=1000`,
    },
  ]
}

const MIN_RUNS = 10

export interface CaseTiming {
  name: string
  rows: number
  runs: number
  list: number
  totals: number
  listTotals: number
  /** Median of list + totals: steadier than the p95 on a busy machine. */
  listTotalsMedian: number
  chart: number
}

const since = (t0: number) => performance.now() - t0

/**
 * p95 of each part over `runs` runs, after two warm-up runs (caches, prepared plans). A slow case
 * stops early once `budgetMs` is spent (at least MIN_RUNS runs), so a miss does not take minutes.
 */
export async function timeCase(
  db: Kysely<Database>,
  c: FilterCase,
  now: number,
  runs: number,
  budgetMs: number,
): Promise<CaseTiming> {
  const { filter, invalid } = parseChargeFilter(new URLSearchParams(c.params))
  if (invalid.length > 0) throw new Error(`${c.name}: invalid filter fields ${invalid.join(', ')}`)
  const query = toChargeQuery(filter, now)
  const days = filterDays(filter, now)
  const times = {
    list: [] as number[],
    totals: [] as number[],
    sum: [] as number[],
    chart: [] as number[],
  }
  let rows = 0
  const started = performance.now()
  for (let i = -2; i < runs; i++) {
    if (i >= MIN_RUNS && performance.now() - started > budgetMs) break
    let t0 = performance.now()
    await listCharges(query, { kind: 'first' }, { db })
    const list = since(t0)
    t0 = performance.now()
    rows = (await chargeTotals(query, db)).all.count
    const totals = since(t0)
    t0 = performance.now()
    await dailyPaid(query, days, now, db)
    const chart = since(t0)
    if (i < 0) continue
    times.list.push(list)
    times.totals.push(totals)
    times.sum.push(list + totals)
    times.chart.push(chart)
  }
  const p95 = (v: number[]) => percentile(v, 95)
  return {
    name: c.name,
    rows,
    runs: times.sum.length,
    list: p95(times.list),
    totals: p95(times.totals),
    listTotals: p95(times.sum),
    listTotalsMedian: percentile(times.sum, 50),
    chart: p95(times.chart),
  }
}
