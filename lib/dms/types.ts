/*
 * Domain types of the DMS client. The rest of the app codes against these and never sees a DMS field
 * name; `raw-schemas.ts` holds the wire shapes and `transform.ts` maps one onto the other.
 */
import { z } from 'zod'

/** The ways a customer pays, in the order screens offer them. */
export const PAY_WAYS = ['SCAN_WEIXIN', 'SCAN_ALIPAY'] as const

export type PayWay = (typeof PAY_WAYS)[number]

/** A pay way as a form sends it: every action that takes one validates with this. */
export const payWaySchema = z.enum(PAY_WAYS, { message: 'invalid' })

/** DMS orderStatus 1, 99, 4, 3, 5, 6 in that order. */
export type DmsOrderStatus = 'unpaid' | 'paying' | 'paid' | 'failed' | 'refunded' | 'closed'

export interface CreatedPayment {
  bizOrderNo: string
  orderNo: string
  /** QR content, rendered verbatim: formats change, so it is never rewritten or fetched. */
  payInfo: string
  /** 'success' is unexpected for a scan payment: confirm it by query before showing paid. */
  payStatus: 'pending' | 'fail' | 'success'
  payFailMessage: string
}

export interface PaymentStatus {
  bizOrderNo: string
  orderNo: string
  bzOrder: string
  status: DmsOrderStatus
  errorMessage: string
  amountFen: number | null
  payWay: PayWay | null
  paidAt: Date | null
  expireAt: Date | null
}

export interface PayerAccount {
  id: string
  name: string
  memberType: number | null
  active: boolean
}

export interface ReceivingAccount {
  id: string
  name: string
  payWays: PayWay[]
  verified: boolean
}

/** `status` is normally 'closed'; DMS reports the order's actual status, so check it. */
export interface CloseResult {
  bizOrderNo: string
  orderNo: string
  status: DmsOrderStatus
}

/** A result notification (contract section F). Only a hint: the cashier confirms by querying. */
export interface DmsNotification {
  bizOrderNo: string
  orderNo: string
  bzOrder: string
  amountFen: number | null
  status: DmsOrderStatus
  paidAt: Date | null
  notifyId: string
  notifyTime: Date | null
}

export type UnavailableReason = 'refused' | 'http' | 'html' | 'garbage' | 'truncated' | 'shape'

export type DmsError =
  /** DMS answered errCode != 1000. `paid` is set when a close hit 2003 and data carried the paid status. */
  | { kind: 'rejected'; code: number; message: string; paid?: PaymentStatus }
  /** sent=false only when the request certainly never reached DMS (DNS failure, connection refused). */
  | {
      kind: 'unavailable'
      reason: UnavailableReason
      status?: number
      detail: string
      sent: boolean
    }
  /** Timed out or the connection broke after the request was sent: the outcome is unknown. */
  | { kind: 'unknown'; detail: string }

export type DmsResult<T> = { ok: true; data: T } | { ok: false; error: DmsError }
