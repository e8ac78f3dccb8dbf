import type { Locale } from '@/lib/locale'
import { closeReason } from '@/lib/charges/close-reason'
import { storedFailure } from '@/lib/charges/failure'
import { isOpen, PAYING_GRACE_MS, type ChargeStatus } from '@/lib/charges/status'
import type { Charge } from '@/lib/charges/types'
import type { PayWay } from '@/lib/dms/types'

/*
 * What a customer tablet may see, and nothing more. The tablet is a browser on the counter facing
 * strangers, with a credential that outlives any staff session: it gets the amount, the bill number
 * and the QR of the station's current charge, never our ids, DMS ids, accounts, staff names or any
 * other charge. The fields are copied one by one so a new Charge field cannot leak by accident.
 * Client-safe (types and pure functions only): the tablet's components import the types.
 */

export type DisplayStatus = 'idle' | ChargeStatus

export interface DisplayCharge {
  /**
   * The charge's status, except a create DMS answered payStatus "fail": `refused`, the charge that
   * could not be started, for the customer never saw a QR to pay (failure.ts, `no-qr`).
   */
  status: ChargeStatus
  amountFen: number
  bzOrder: string
  payWay: PayWay
  /** The QR content, only while the customer can pay it. */
  qr: string | null
  /** The cashier's deadline: the tablet's countdown matches the cashier's. */
  expiresAt: number
  /** Closed because its time ran out (the timeout close), not by the cashier: "expired". */
  expired: boolean
}

/** One poll's answer (and the page's first render: same shape). */
export interface DisplayState {
  charge: DisplayCharge | null
  /** The server's clock: countdowns run on server time, not the tablet's. */
  serverNow: number
  shopName: string
  locale: Locale
  /** Changes with every deploy: the tablet reloads itself when it does. */
  buildId: string
}

export const DISPLAY_STATE_KEYS = ['charge', 'serverNow', 'shopName', 'locale', 'buildId'] as const
export const DISPLAY_CHARGE_KEYS = [
  'status',
  'amountFen',
  'bzOrder',
  'payWay',
  'qr',
  'expiresAt',
  'expired',
] as const

/**
 * The QR is shown while DMS can still take the payment and the cashier has not asked to close it:
 * pending, or paying (the customer scanned; a failed confirmation may need a second scan), and not
 * past the deadline even if the close has not happened yet (e.g. DMS unreachable).
 */
export function isPayable(charge: Charge, now: number): boolean {
  if (!isOpen(charge.status) || charge.cancelRequestedAt !== null || !charge.payInfo) return false
  if (charge.status === 'pending') return now < charge.expiresAt
  if (charge.status === 'paying') return now < charge.expiresAt + PAYING_GRACE_MS
  return false
}

export function toDisplayCharge(charge: Charge, now: number): DisplayCharge {
  const noQr = charge.status === 'failed' && storedFailure(charge)?.kind === 'no-qr'
  return {
    status: noQr ? 'refused' : charge.status,
    amountFen: charge.amountFen,
    bzOrder: charge.bzOrder,
    payWay: charge.payWay,
    qr: isPayable(charge, now) ? charge.payInfo : null,
    expiresAt: charge.expiresAt,
    expired: closeReason(charge) === 'timeout',
  }
}

export function toDisplayView(
  charge: Charge | null,
  ctx: { now: number; shopName: string; locale: Locale; buildId: string },
): DisplayState {
  return {
    charge: charge ? toDisplayCharge(charge, ctx.now) : null,
    serverNow: ctx.now,
    shopName: ctx.shopName,
    locale: ctx.locale,
    buildId: ctx.buildId,
  }
}

/** The value of `[data-testid=display-status]`'s data-status. */
export function displayStatus(charge: DisplayCharge | null): DisplayStatus {
  return charge ? charge.status : 'idle'
}
