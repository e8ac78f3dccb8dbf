import 'server-only'
import type { Kysely } from 'kysely'
import { countAll, dialectOf, getDb, sumOf } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import { PAY_WAYS, type PayWay } from '@/lib/dms/types'
import { CHARGE_STATUSES, OPEN_STATUSES, type ChargeStatus } from '../status'
import { byWholeDays, dayTotalsWhere } from './day-totals'
import type { ChargeQuery } from './filters'
import { chargeWhere } from './where'

export interface CountSum {
  count: number
  sumFen: number
}

export interface ChargeTotals {
  all: CountSum
  /** Every status, zeros included, in the order of CHARGE_STATUSES. */
  byStatus: Array<CountSum & { status: ChargeStatus }>
  /** Every pay way: all its charges, and the paid ones (what actually came in). */
  byPayWay: Array<{ payWay: PayWay; all: CountSum; paid: CountSum }>
  paid: CountSum
}

export interface StatusPayWayCell extends CountSum {
  status: string
  payWay: string
}

/** Folds (status, pay way) groups into the totals the page shows. Pure. */
export function foldTotals(cells: StatusPayWayCell[]): ChargeTotals {
  const zero = (): CountSum => ({ count: 0, sumFen: 0 })
  const add = (t: CountSum, c: CountSum) => {
    t.count += c.count
    t.sumFen += c.sumFen
  }
  const all = zero()
  const paid = zero()
  const byStatus = CHARGE_STATUSES.map((status) => ({ status, ...zero() }))
  const byPayWay = PAY_WAYS.map((payWay) => ({ payWay, all: zero(), paid: zero() }))
  for (const c of cells) {
    add(all, c)
    const s = byStatus.find((b) => b.status === c.status)
    if (s) add(s, c)
    const w = byPayWay.find((b) => b.payWay === c.payWay)
    if (w) add(w.all, c)
    if (c.status === 'paid') {
      add(paid, c)
      if (w) add(w.paid, c)
    }
  }
  return { all, paid, byStatus, byPayWay }
}

/** Count and sum of the whole filtered set (every page), per status and per pay way, in one query. */
export async function chargeTotals(
  q: ChargeQuery,
  db: Kysely<Database> = getDb(),
): Promise<ChargeTotals> {
  return byWholeDays(q) ? totalsFromDays(q, db) : totalsFromCharges(q, db)
}

const fold = (rows: Array<{ status: string; pay_way: string; count: unknown; sum_fen: unknown }>) =>
  foldTotals(
    rows.map((r) => ({
      status: r.status,
      payWay: r.pay_way,
      count: Number(r.count),
      sumFen: Number(r.sum_fen),
    })),
  )

/** Every matching charge, read (through the covering indexes of migration 0004). */
export async function totalsFromCharges(q: ChargeQuery, db: Kysely<Database>) {
  const rows = await db
    .selectFrom('charges')
    .where(chargeWhere(q, dialectOf(db)))
    .select([
      'charges.status',
      'charges.pay_way',
      countAll().as('count'),
      sumOf('charges.amount_fen').as('sum_fen'),
    ])
    .groupBy(['charges.status', 'charges.pay_way'])
    .execute()
  return fold(rows)
}

/** The per-day totals of whole days (day-totals.ts): a few rows a day, whatever the volume. */
export async function totalsFromDays(q: ChargeQuery, db: Kysely<Database>) {
  const rows = await db
    .selectFrom('charge_day_totals')
    .where(dayTotalsWhere(q))
    .select(['status', 'pay_way', sumOf('count').as('count'), sumOf('sum_fen').as('sum_fen')])
    .groupBy(['status', 'pay_way'])
    .execute()
  return fold(rows)
}

/**
 * The query's charges still in play, for a handover window (station, maybe cashier, [from, before)):
 * a shift cannot be handed over with money undecided.
 */
export async function openChargeCount(
  q: ChargeQuery,
  db: Kysely<Database> = getDb(),
): Promise<number> {
  const row = await db
    .selectFrom('charges')
    .select(countAll().as('n'))
    .where('status', 'in', [...OPEN_STATUSES])
    .where('station_id', '=', q.stationId!)
    .$if(q.cashierId !== null, (b) => b.where('cashier_id', '=', q.cashierId!))
    .where('created_at', '>=', q.createdFrom!)
    .where('created_at', '<', q.createdBefore!)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
