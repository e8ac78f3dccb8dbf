import type { Selectable, Updateable } from 'kysely'
import type { ChargeEventsTable, ChargesTable, NewChargeRow } from '@/lib/db/schema'
import type { PayWay } from '@/lib/dms/types'
import type { Charge, ChargeEvent, ChargePatch, NewCharge } from './types'

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

/** A new charge's row: `creating`, open on its bill, nothing from DMS yet. */
export function toNewChargeRow(c: NewCharge): NewChargeRow {
  return {
    id: c.id,
    bz_order: c.bzOrder,
    amount_fen: c.amountFen,
    pay_way: c.payWay,
    station_id: c.stationId,
    cashier_id: c.cashierId,
    payer_id: c.payerId,
    reciever_id: c.recieverId,
    status: 'creating',
    open_bill: c.bzOrder,
    biz_order_no: null,
    order_no: null,
    pay_info: null,
    dms_expire_at: null,
    expires_at: c.expiresAt,
    cancel_requested_at: null,
    cancel_requested_by: null,
    paid_after_cancel: 0,
    paid_at: null,
    error_code: null,
    error_message: null,
    next_check_at: null,
    check_failures: 0,
    claim_until: null,
    claim_owner: null,
    created_at: c.createdAt,
    updated_at: c.createdAt,
  }
}

const PATCH_COLUMNS = {
  status: 'status',
  bizOrderNo: 'biz_order_no',
  orderNo: 'order_no',
  payInfo: 'pay_info',
  errorCode: 'error_code',
  errorMessage: 'error_message',
  nextCheckAt: 'next_check_at',
  paidAt: 'paid_at',
  cancelRequestedAt: 'cancel_requested_at',
  cancelRequestedBy: 'cancel_requested_by',
  settledOutcome: 'settled_outcome',
  paidAfterCancel: 'paid_after_cancel',
  settleDisputed: 'settle_disputed',
} as const satisfies Record<keyof ChargePatch, keyof ChargesTable>

/** The columns a patch sets (a key left undefined is left alone); flags are stored as 0/1. */
export function toRowPatch(patch: ChargePatch): Updateable<ChargesTable> {
  const row: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    const column = PATCH_COLUMNS[key as keyof ChargePatch]
    row[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value
  }
  return row as Updateable<ChargesTable>
}
