import { dayStartMs, addDays, beijingDay } from '@/lib/charges/beijing-day'
import type { ChargeStatus, NewChargeRow } from '@/lib/db/schema'

/*
 * A synthetic but realistic charge ledger for volume benchmarks: DAYS Beijing days ending today,
 * 3 stations, 5 cashiers, both pay ways, mostly paid, amounts 1 fen – 5,000 yuan (log-uniform: most
 * charges are small), DMS ids as 16/19-digit text. Deterministic (seeded PRNG), so both dialects get
 * the same rows, and generated one row at a time: a million row objects would not fit in the heap.
 */

export const DAYS = 60
const OPEN_HOUR = 8
const CLOSE_HOUR = 22
const HOUR = 3_600_000
const MAX_FEN = 500_000

export const SCALE_STATIONS = [
  { id: 'scale-station-1', name: '前台 1（压测）', code: 'A' },
  { id: 'scale-station-2', name: '前台 2（压测）', code: 'B' },
  { id: 'scale-station-3', name: '二楼接待（压测）', code: 'C' },
] as const

export const SCALE_CASHIERS = [1, 2, 3, 4, 5].map((n) => ({
  id: `scale-cashier-${n}`,
  username: `scale${n}`,
  name: `压测收银员${n}`,
}))

// Cumulative shares: what a shop's ledger looks like once the open charges have settled.
const STATUS_MIX: Array<[ChargeStatus, number]> = [
  ['paid', 0.89],
  ['closed', 0.95],
  ['failed', 0.985],
  ['refunded', 1],
]

/** mulberry32: tiny, fast, good enough to spread test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const hex8 = (rand: () => number) => ((rand() * 0x100000000) >>> 0).toString(16).padStart(8, '0')

/** A version-4-shaped UUID from the seeded generator (randomUUID would differ between dialects). */
function uuid(rand: () => number): string {
  const h = hex8(rand) + hex8(rand) + hex8(rand) + hex8(rand)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`
}

/** The bill number a shop's DMS prints: station letter, Beijing date, sequence of the day. */
export function billNumber(stationCode: string, day: string, seq: number): string {
  return `RO${stationCode}${day.replaceAll('-', '').slice(2)}${String(seq).padStart(5, '0')}`
}

/** The Beijing days covered, oldest first; today is seeded as a full day (see chargeRows). */
export function seededDays(now: number): string[] {
  const today = beijingDay(now)
  return Array.from({ length: DAYS }, (_, i) => addDays(today, i - DAYS + 1))
}

/** The DMS ids of the n-th charge (its order no. only counts once it is paid). */
export function scaleIds(n: number): { bizOrderNo: string; orderNo: string } {
  return {
    // 19 digits, unique; built from two parts so no BigInt is needed per row.
    bizOrderNo: `12854530${80879468544 + n * 7}`,
    orderNo: String(4200000000000000 + n * 3),
  }
}

/**
 * How many of the `total` charges a search for each text must find (any part, any case), counting
 * only charges created from `since` on (epoch ms; 0 for all dates).
 */
export function expectedMatches(
  total: number,
  now: number,
  searches: Array<{ text: string; since: number }>,
): number[] {
  const wanted = searches.map((s) => ({ text: s.text.toLowerCase(), since: s.since }))
  const found = wanted.map(() => 0)
  for (const r of chargeRows(total, now)) {
    const hay = [r.bz_order, r.biz_order_no ?? '', r.order_no ?? ''].map((v) => v.toLowerCase())
    wanted.forEach((w, i) => {
      if (r.created_at >= w.since && hay.some((h) => h.includes(w.text))) found[i]!++
    })
  }
  return found
}

/**
 * `total` charges in creation order (as the ledger grows). Every day is a full business day, today
 * included even past `now`, so "today" measures a whole day whatever hour the benchmark runs at.
 */
export function* chargeRows(total: number, now: number, seed = 1): Generator<NewChargeRow> {
  const rand = prng(seed)
  const days = seededDays(now)
  let n = 0
  for (const [d, day] of days.entries()) {
    const count = Math.floor(total / DAYS) + (d < total % DAYS ? 1 : 0)
    const open = dayStartMs(day) + OPEN_HOUR * HOUR
    const step = ((CLOSE_HOUR - OPEN_HOUR) * HOUR) / count
    const seq = SCALE_STATIONS.map(() => 0)
    for (let k = 0; k < count; k++, n++) {
      const at = Math.floor(open + (k + rand()) * step)
      const s = Math.floor(rand() * SCALE_STATIONS.length)
      const station = SCALE_STATIONS[s]!
      const cashier = SCALE_CASHIERS[Math.floor(rand() * SCALE_CASHIERS.length)]!
      const r = rand()
      const status = STATUS_MIX.find(([, upTo]) => r < upTo)![0]
      const paid = status === 'paid' || status === 'refunded'
      const amount = Math.max(
        1,
        Math.min(MAX_FEN, Math.round(Math.exp(rand() * Math.log(MAX_FEN)))),
      )
      const payWay = rand() < 0.62 ? 'SCAN_WEIXIN' : 'SCAN_ALIPAY'
      const payAt = at + 5_000 + Math.floor(rand() * 90_000)
      yield {
        id: uuid(rand),
        bz_order: billNumber(station.code, day, ++seq[s]!),
        amount_fen: amount,
        pay_way: payWay,
        station_id: station.id,
        cashier_id: cashier.id,
        payer_id: `88${String(1000 + s).padStart(14, '0')}`,
        reciever_id: `66${String(2000 + s).padStart(14, '0')}`,
        status,
        open_bill: null,
        biz_order_no: scaleIds(n).bizOrderNo,
        order_no: paid ? scaleIds(n).orderNo : null,
        pay_info: `${payWay === 'SCAN_WEIXIN' ? 'weixin://wxpay/bizpayurl?pr=' : 'https://qr.alipay.com/'}${hex8(rand)}`,
        dms_expire_at: at + 15 * 60_000,
        expires_at: at + 5 * 60_000,
        cancel_requested_at: status === 'closed' ? payAt : null,
        cancel_requested_by: status === 'closed' ? cashier.id : null,
        paid_at: paid ? payAt : null,
        error_code: status === 'failed' ? 1002 : null,
        error_message: status === 'failed' ? '余额不足' : null,
        created_at: at,
        updated_at: paid ? payAt : at + 5 * 60_000,
      }
    }
  }
}

/** The columns chargeRows fills, in one fixed order (the bulk inserts' column list). */
export const CHARGE_COLUMNS = [
  'id',
  'bz_order',
  'amount_fen',
  'pay_way',
  'station_id',
  'cashier_id',
  'payer_id',
  'reciever_id',
  'status',
  'open_bill',
  'biz_order_no',
  'order_no',
  'pay_info',
  'dms_expire_at',
  'expires_at',
  'cancel_requested_at',
  'cancel_requested_by',
  'paid_at',
  'error_code',
  'error_message',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof NewChargeRow>
