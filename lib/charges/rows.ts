import type { Selectable } from 'kysely'
import type { ChargeEventsTable, ChargesTable } from '@/lib/db/schema'
import type { PayWay } from '@/lib/dms/types'
import type { Charge, ChargeEvent } from './types'

/** Database row ↔ domain type, in one place so column names stay out of the service code. */
export function toCharge(row: Selectable<ChargesTable>): Charge {
  return {
    id: row.id,
    bzOrder: row.bz_order,
    amountFen: Number(row.amount_fen),
    payWay: row.pay_way as PayWay,
    stationId: row.station_id,
    cashierId: row.cashier_id,
    payerId: row.payer_id,
    recieverId: row.reciever_id,
    status: row.status,
    bizOrderNo: row.biz_order_no,
    orderNo: row.order_no,
    payInfo: row.pay_info,
    expiresAt: Number(row.expires_at),
    cancelRequestedAt: row.cancel_requested_at === null ? null : Number(row.cancel_requested_at),
    cancelRequestedBy: row.cancel_requested_by,
    paidAfterCancel: Number(row.paid_after_cancel) === 1,
    paidAt: row.paid_at === null ? null : Number(row.paid_at),
    errorCode: row.error_code === null ? null : Number(row.error_code),
    errorMessage: row.error_message,
    nextCheckAt: row.next_check_at === null ? null : Number(row.next_check_at),
    claimUntil: row.claim_until === null ? null : Number(row.claim_until),
    checkFailures: Number(row.check_failures),
    closeFailures: Number(row.close_failures),
    closeRetryAt: row.close_retry_at === null ? null : Number(row.close_retry_at),
    version: Number(row.version),
    settledOutcome:
      row.settled_outcome === 'paid' || row.settled_outcome === 'not-charged'
        ? row.settled_outcome
        : null,
    settleDisputed: Number(row.settle_disputed) === 1,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  }
}

export function toChargeEvent(row: Selectable<ChargeEventsTable>): ChargeEvent {
  let detail: Record<string, unknown> | null = null
  if (row.detail) {
    try {
      detail = JSON.parse(row.detail) as Record<string, unknown>
    } catch {
      detail = { raw: row.detail }
    }
  }
  return {
    id: Number(row.id),
    chargeId: row.charge_id,
    at: Number(row.at),
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    type: row.type,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    dmsCode: row.dms_code === null ? null : Number(row.dms_code),
    dmsMessage: row.dms_message,
    detail,
    repeatCount: Number(row.repeat_count),
    lastAt: row.last_at === null ? null : Number(row.last_at),
  }
}
