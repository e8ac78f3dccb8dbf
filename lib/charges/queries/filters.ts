import { z } from 'zod'
import { fenToYuanText, parseYuan } from '@/lib/money'
import { PAY_WAYS, type PayWay } from '@/lib/dms/types'
import { CHARGE_STATUSES, type ChargeStatus } from '../status'
import { halfWidthBill } from '../bill-number'
import {
  addDays,
  dayStartMs,
  isDay,
  presetDays,
  type DatePreset,
  DATE_PRESETS,
} from '../beijing-day'

/*
 * The manager's filters, as they live in the URL (shareable, reloadable, back-button safe) and as the
 * queries need them. Pure and client-safe: pages, the CSV route and tests all parse the same way.
 * A bad value is dropped and reported (the page says so, the export refuses): a typo must never
 * silently widen what a manager exports.
 */

export interface ChargeFilter {
  /** A relative pick (today, this week…), resolved when the URL is opened; wins over from/to. */
  preset: DatePreset | null
  /** Beijing calendar days, YYYY-MM-DD, both inclusive. */
  from: string | null
  to: string | null
  statuses: ChargeStatus[]
  payWays: PayWay[]
  stationId: string | null
  cashierId: string | null
  minFen: number | null
  maxFen: number | null
  /** Bill number (contains), DMS bizOrderNo or orderNo (exact). */
  q: string | null
}

export const EMPTY_FILTER: ChargeFilter = {
  preset: null,
  from: null,
  to: null,
  statuses: [],
  payWays: [],
  stationId: null,
  cashierId: null,
  minFen: null,
  maxFen: null,
  q: null,
}

export type FilterField =
  'range' | 'from' | 'to' | 'status' | 'pay_way' | 'station' | 'cashier' | 'min' | 'max' | 'q'

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>

const LIST_KEYS = new Set<string>(['status', 'pay_way'])

/**
 * Every value of a key. Lists may repeat the key or use commas (`status=paid&status=failed`,
 * `status=paid,failed`); other keys are never split: `max=2,000` is an amount.
 */
export function paramValues(params: SearchParamsInput, key: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(key) : [params[key] ?? []].flat()
  const parts = LIST_KEYS.has(key) ? raw.flatMap((v) => v.split(',')) : raw
  return parts.map((v) => v.trim()).filter((v) => v !== '')
}

const one = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .array(z.string())
    .max(1)
    .transform((v) => v[0] ?? null)
    .pipe(schema.nullable())

const many = <T extends string>(values: readonly T[]) =>
  z.array(z.enum(values as [T, ...T[]])).transform((v) => [...new Set(v)])

// Every query of a filter reads up to the day after its last (toChargeQuery, the chart); after
// 9999-12-31 that day has no YYYY-MM-DD text and reading it threw, so such a day is refused here.
const day = z.string().refine((d) => isDay(d) && isDay(addDays(d, 1)))
const id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/)
const yuan = z.string().transform((text, ctx) => {
  // A lower bound of 0 is allowed; the cap is far above any charge so "max 1000000" still means something.
  const r = parseYuan(text, { maxFen: Number.MAX_SAFE_INTEGER })
  if (r.ok) return r.fen
  if (r.reason === 'zero') return 0
  ctx.addIssue({ code: 'custom', message: r.reason })
  return z.NEVER
})

/** Each URL key, parsed on its own so that one bad value does not discard the others. */
export const filterFieldSchemas = {
  range: one(z.enum(DATE_PRESETS)),
  from: one(day),
  to: one(day),
  status: many(CHARGE_STATUSES),
  pay_way: many(PAY_WAYS),
  station: one(id),
  cashier: one(id),
  min: one(yuan),
  max: one(yuan),
  // A bill typed with a Chinese input method is stored half-width (parseBillNumber): search it so.
  q: one(z.string().max(64).transform(halfWidthBill)),
} satisfies Record<FilterField, z.ZodType>

export function parseChargeFilter(params: SearchParamsInput): {
  filter: ChargeFilter
  invalid: FilterField[]
} {
  const invalid: FilterField[] = []
  const get = <K extends FilterField>(key: K) => {
    const r = filterFieldSchemas[key].safeParse(paramValues(params, key))
    if (r.success) return r.data as z.output<(typeof filterFieldSchemas)[K]>
    invalid.push(key)
    return null
  }
  const preset = get('range')
  const from = preset ? null : get('from')
  let to = preset ? null : get('to')
  if (from && to && from > to) {
    invalid.push('to')
    to = null
  }
  const minFen = get('min')
  let maxFen = get('max')
  if (minFen !== null && maxFen !== null && minFen > maxFen) {
    invalid.push('max')
    maxFen = null
  }
  const filter: ChargeFilter = {
    preset,
    from,
    to,
    statuses: get('status') ?? [],
    payWays: get('pay_way') ?? [],
    stationId: get('station'),
    cashierId: get('cashier'),
    minFen,
    maxFen,
    q: get('q'),
  }
  return { filter, invalid }
}

/** The canonical URL form of a filter: parseChargeFilter(filterToParams(f)) gives f back. */
export function filterToParams(f: ChargeFilter): URLSearchParams {
  const p = new URLSearchParams()
  if (f.preset) p.set('range', f.preset)
  else {
    if (f.from) p.set('from', f.from)
    if (f.to) p.set('to', f.to)
  }
  for (const s of f.statuses) p.append('status', s)
  for (const w of f.payWays) p.append('pay_way', w)
  if (f.stationId) p.set('station', f.stationId)
  if (f.cashierId) p.set('cashier', f.cashierId)
  if (f.minFen !== null) p.set('min', fenToYuanText(f.minFen))
  if (f.maxFen !== null) p.set('max', fenToYuanText(f.maxFen))
  if (f.q) p.set('q', f.q)
  return p
}

/** The Beijing days a filter covers (inclusive), or null bounds where it has none. */
export function filterDays(
  f: ChargeFilter,
  now: number,
): { from: string | null; to: string | null } {
  if (f.preset) return presetDays(f.preset, now)
  return { from: f.from, to: f.to }
}

/** What the SQL needs: epoch-ms bounds on created_at, [from, to). */
export interface ChargeQuery extends Omit<ChargeFilter, 'preset' | 'from' | 'to'> {
  createdFrom: number | null
  createdBefore: number | null
  /** The charges `q` matches, when already looked up (resolveSearch in search.ts). */
  matchIds?: readonly string[]
}

export function toChargeQuery(f: ChargeFilter, now: number): ChargeQuery {
  const { from, to } = filterDays(f, now)
  return {
    statuses: f.statuses,
    payWays: f.payWays,
    stationId: f.stationId,
    cashierId: f.cashierId,
    minFen: f.minFen,
    maxFen: f.maxFen,
    q: f.q,
    createdFrom: from ? dayStartMs(from) : null,
    createdBefore: to ? dayStartMs(addDays(to, 1)) : null,
  }
}
