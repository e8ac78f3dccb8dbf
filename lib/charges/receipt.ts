import 'server-only'
import type { Kysely } from 'kysely'
import { countAll, getDb, inTransaction, type Database } from '@/lib/db'
import { getSettings } from '@/lib/settings'
import { getCharge, lockedStatus } from './repo'
import type { ReceiptView } from './receipt-view'
import type { ChargeStatus } from './status'
import type { Charge } from './types'

/** A print by hand: the receipt, or why there is none (with the status, for the refusal to name). */
export type PrintResult =
  | { kind: 'printed'; receipt: ReceiptView }
  | { kind: 'not-paid'; status: ChargeStatus }
  | { kind: 'not-found' }

/**
 * Records one print of a paid charge's receipt and returns what to print, numbered: the first copy
 * is the receipt, every later one is marked as a reprint. Refused when the charge is not paid (a
 * receipt for money that did not arrive, or went back, must not exist).
 */
export async function printReceipt(chargeId: string, userId: string): Promise<PrintResult> {
  const charge = await getCharge(chargeId)
  if (!charge) return { kind: 'not-found' }
  if (charge.status !== 'paid') return { kind: 'not-paid', status: charge.status }
  const db = getDb()
  await db
    .insertInto('receipt_prints')
    .values({ charge_id: chargeId, printed_at: Date.now(), printed_by: userId })
    .execute()
  return { kind: 'printed', receipt: await receiptOf(charge, db) }
}

/**
 * The station's automatic print: records the first copy only. Null when the charge is not paid or
 * any copy was printed already — so a reload, a second tab or a second screen never prints the
 * automatic copy again; later copies are the cashier's, by hand.
 */
export async function printFirstReceipt(
  chargeId: string,
  userId: string,
): Promise<ReceiptView | null> {
  const db = getDb()
  const recorded = await inTransaction(db, async (trx) => {
    // On PostgreSQL two screens could both see "no print yet"; the charge's row lock orders them.
    // SQLite runs one write transaction at a time, which orders them already.
    if ((await lockedStatus(trx, chargeId)) !== 'paid') return false
    const printed = await trx
      .selectFrom('receipt_prints')
      .select('id')
      .where('charge_id', '=', chargeId)
      .limit(1)
      .executeTakeFirst()
    if (printed) return false
    await trx
      .insertInto('receipt_prints')
      .values({ charge_id: chargeId, printed_at: Date.now(), printed_by: userId })
      .execute()
    return true
  })
  if (!recorded) return null
  const charge = await getCharge(chargeId)
  return charge ? receiptOf(charge, db) : null
}

async function receiptOf(charge: Charge, db: Kysely<Database>): Promise<ReceiptView> {
  const [prints, cashier, station, settings] = await Promise.all([
    db
      .selectFrom('receipt_prints')
      .select(countAll().as('n'))
      .where('charge_id', '=', charge.id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', charge.cashierId)
      .executeTakeFirst(),
    db.selectFrom('stations').select('name').where('id', '=', charge.stationId).executeTakeFirst(),
    getSettings(),
  ])
  return {
    shopName: settings.shopName,
    bzOrder: charge.bzOrder,
    amountFen: charge.amountFen,
    payWay: charge.payWay,
    orderNo: charge.orderNo,
    paidAt: charge.paidAt ?? charge.updatedAt,
    cashierName: cashier?.display_name ?? '',
    stationName: station?.name ?? '',
    copy: Number(prints.n),
  }
}
