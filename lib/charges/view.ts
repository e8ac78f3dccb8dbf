import { describeDmsError, describePaymentFailure } from '@/lib/dms/error-text'
import type { DmsError, PayWay } from '@/lib/dms/types'
import type { Locale } from '@/lib/locale'
import { closeReason, type CloseReason } from './close-reason'
import { storedFailure } from './failure'
import { isOpen, type ChargeStatus } from './status'
import type { Charge } from './types'

export { closeReason, type CloseReason } from './close-reason'

/** What a staff screen shows of a charge: the first render and every poll return this one shape. */
export interface ChargeView {
  id: string
  /** The charge's version (lib/feed): a screen keeps the highest it has seen. */
  version: number
  bzOrder: string
  amountFen: number
  payWay: PayWay
  stationId: string
  status: ChargeStatus
  /** QR content, only while a customer can still pay it. */
  payInfo: string | null
  bizOrderNo: string | null
  expiresAt: number
  /** The server's clock when this view was made: countdowns run on server time, not the device's. */
  serverNow: number
  cancelRequested: boolean
  paidAfterCancel: boolean
  paidAt: number | null
  createdAt: number
  error: {
    message: string
    action: string
    dmsCode: number | null
    dmsMessage: string | null
  } | null
  /** Why a closed charge was closed, so the screen can say it. */
  closeReason: CloseReason | null
  /** Who cancelled, when a person did. */
  closedBy: string | null
}

function storedError(charge: Charge): DmsError | null {
  if (charge.status === 'unknown') return { kind: 'unknown', detail: charge.errorMessage ?? '' }
  if (charge.errorCode !== null) {
    return { kind: 'rejected', code: charge.errorCode, message: charge.errorMessage ?? '' }
  }
  if (charge.errorMessage) {
    return { kind: 'unavailable', reason: 'http', detail: charge.errorMessage, sent: true }
  }
  return null
}

function errorView(charge: Charge, err: DmsError, locale: Locale): ChargeView['error'] {
  // A payment the network failed is no DMS error: its stored 3000 is not quoted as "DMS 代码 3000"
  // (the manager's detail and the exports say it the same way: failure.ts).
  // A create answered payStatus "fail" made no QR: said as that, not as the customer's payment.
  const failure = charge.status === 'failed' ? storedFailure(charge) : null
  if (failure?.kind === 'payment' || failure?.kind === 'no-qr') {
    return {
      ...describePaymentFailure(charge.errorMessage ?? '', locale, failure.kind),
      dmsCode: null,
      dmsMessage: charge.errorMessage,
    }
  }
  return {
    // The screen shows dmsCode as small print below the sentences (charge-outcome.tsx).
    ...describeDmsError(err, locale, { codeShown: Boolean(charge.errorCode) }),
    dmsCode: charge.errorCode,
    dmsMessage: charge.errorMessage,
  }
}

export function toChargeView(charge: Charge, locale: Locale, now = Date.now()): ChargeView {
  const open = isOpen(charge.status)
  const err = ['failed', 'unknown', 'refused'].includes(charge.status) ? storedError(charge) : null
  return {
    id: charge.id,
    version: charge.version,
    bzOrder: charge.bzOrder,
    amountFen: charge.amountFen,
    payWay: charge.payWay,
    stationId: charge.stationId,
    status: charge.status,
    payInfo: open && charge.cancelRequestedAt === null ? charge.payInfo : null,
    bizOrderNo: charge.bizOrderNo,
    expiresAt: charge.expiresAt,
    serverNow: now,
    cancelRequested: charge.cancelRequestedAt !== null,
    paidAfterCancel: charge.paidAfterCancel,
    paidAt: charge.paidAt,
    createdAt: charge.createdAt,
    closeReason: closeReason(charge),
    closedBy: closeReason(charge) === 'cancelled' ? charge.cancelRequestedBy : null,
    error: err ? errorView(charge, err, locale) : null,
  }
}
