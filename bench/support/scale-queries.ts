import type { Kysely } from 'kysely'
import { addDays, beijingDay, dayStartMs } from '@/lib/charges/beijing-day'
import { filterDays, parseChargeFilter, toChargeQuery } from '@/lib/charges/queries/filters'
import { listCharges } from '@/lib/charges/queries/list'
import { paidChart } from '@/lib/charges/queries/paid-chart'
import { resolveSearch } from '@/lib/charges/queries/search'
import { chargeTotals } from '@/lib/charges/queries/totals'
import type { Database } from '@/lib/db'
import { billNumber, DAYS, SCALE_STATIONS, scaleIds } from './scale-data'
import { percentile } from './stats'

/*
 * The manager's list page as the database sees it (lib/charges/queries/list-page.ts): for one URL,
 * the search looked up once, then the first page of the list, the totals of the whole filtered set
 * and the chart the page draws beside them, timed apart and together (the page waits for all).
 */

export const SEARCH_TARGET_MS = 50
export const FILTER_TARGET_MS = 100

export interface FilterCase {
  name: string
  /** The list page's URL query, exactly as a manager's browser sends it. */
  params: string
  targetMs: number
  /** Search cases: the text searched and since when (epoch ms), to count what it must find. */
  search?: { text: string; since: number }
}

/** A middle part of a number: neither its start nor its end, as someone reading half a receipt. */
const middle = (s: string, from: number, to: number) => s.slice(from, to)

export function filterCases(now: number, total: number): FilterCase[] {
  const today = beijingDay(now)
  // The bill's date and sequence without its prefix, station letter or last digit: seq 00120–00129
  // of that day at every station.
  const bill = middle(billNumber('A', addDays(today, -3), 123), 4, 13)
  // Today's: a sequence each station reaches today whatever the size (SCALE_ROWS).
  const seq = Math.max(12, Math.floor((total / DAYS / SCALE_STATIONS.length) * 0.8))
  const todays = middle(billNumber('B', today, seq), 5, 13)
  const ids = scaleIds(Math.floor(total * 0.654321))
  const biz = middle(ids.bizOrderNo, 5, 16)
  const order = middle(ids.orderNo, 8, 15)
  const search = (name: string, text: string, today = false): FilterCase => ({
    name,
    params: `${today ? 'range=today&' : ''}q=${encodeURIComponent(text)}`,
    targetMs: SEARCH_TARGET_MS,
    search: { text, since: today ? dayStartMs(beijingDay(now)) : 0 },
  })
  const filter = (name: string, params: string): FilterCase => ({
    name,
    params,
    targetMs: FILTER_TARGET_MS,
  })
  return [
    search(`search bill part "${bill}"`, bill),
    search(`search DMS biz no. part "${biz}"`, biz),
    search(`search DMS order no. part "${order}"`, order),
    search(`search bill part "${todays}", today`, todays, true),
    filter('page as opened (today)', 'range=today'),
    filter('all dates (range=all)', 'range=all'),
    filter('this month', 'range=month'),
    filter('status + pay way, all dates', 'range=all&status=failed&pay_way=SCAN_ALIPAY'),
    filter('station, all dates', `range=all&station=${SCALE_STATIONS[1].id}`),
    filter('30 days + amount', `from=${addDays(today, -29)}&to=${today}&min=100&max=1000`),
  ]
}

const MIN_RUNS = 10

export interface CaseTiming {
  name: string
  rows: number
  runs: number
  /** The search looked up once, before the rest (resolveSearch); 0 without a search. */
  find: number
  list: number
  totals: number
  chart: number
  /** p95 of find + list + totals + chart, run by run: what the page waits for. */
  page: number
  pageMedian: number
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
    find: [] as number[],
    list: [] as number[],
    totals: [] as number[],
    chart: [] as number[],
  }
  const page: number[] = []
  let rows = 0
  const started = performance.now()
  for (let i = -2; i < runs; i++) {
    if (i >= MIN_RUNS && performance.now() - started > budgetMs) break
    let t0 = performance.now()
    const resolved = await resolveSearch(query, db)
    const find = since(t0)
    t0 = performance.now()
    await listCharges(resolved, { kind: 'first' }, { db })
    const list = since(t0)
    t0 = performance.now()
    rows = (await chargeTotals(resolved, db)).all.count
    const totals = since(t0)
    t0 = performance.now()
    await paidChart(resolved, days, now, db)
    const chart = since(t0)
    if (i < 0) continue
    times.find.push(find)
    times.list.push(list)
    times.totals.push(totals)
    times.chart.push(chart)
    page.push(find + list + totals + chart)
  }
  const p95 = (v: number[]) => percentile(v, 95)
  return {
    name: c.name,
    rows,
    runs: page.length,
    find: p95(times.find),
    list: p95(times.list),
    totals: p95(times.totals),
    chart: p95(times.chart),
    page: p95(page),
    pageMedian: percentile(page, 50),
  }
}
