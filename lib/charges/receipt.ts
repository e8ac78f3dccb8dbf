import 'server-only'
import { countAll, getDb } from '@/lib/db'
import { getSettings } from '@/lib/settings'
import { getCharge } from './repo'
import type { ReceiptView } from './receipt-view'

/**
 * Records one print of a paid charge's receipt and returns what to print, numbered: the first copy
 * is the receipt, every later one is marked as a reprint. Null when the charge is not paid (a
 * receipt for money that did not arrive must not exist).
 */
export async function printReceipt(chargeId: string, userId: string): Promise<ReceiptView | null> {
  const charge = await getCharge(chargeId)
  if (!charge || charge.status !== 'paid') return null
  const db = getDb()
  await db
    .insertInto('receipt_prints')
    .values({ charge_id: chargeId, printed_at: Date.now(), printed_by: userId })
    .execute()
  const [prints, cashier, station, settings] = await Promise.all([
    db
      .selectFrom('receipt_prints')
      .select(countAll().as('n'))
      .where('charge_id', '=', chargeId)
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
