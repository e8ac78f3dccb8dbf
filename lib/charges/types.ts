import type { PayWay } from '@/lib/dms/types'
import type { ChargeStatus } from './status'

/** What a manager settles a stuck (`unknown`) charge as. */
export type SettleOutcome = 'not-charged' | 'paid'

/** A charge as the domain sees it: one payment attempt for one bill. */
export interface Charge {
  id: string
  bzOrder: string
  amountFen: number
  payWay: PayWay
  stationId: string
  cashierId: string
  payerId: string
  recieverId: string
  status: ChargeStatus
  bizOrderNo: string | null
  orderNo: string | null
  payInfo: string | null
  expiresAt: number
  cancelRequestedAt: number | null
  cancelRequestedBy: string | null
  paidAfterCancel: boolean
  paidAt: number | null
  errorCode: number | null
  errorMessage: string | null
  nextCheckAt: number | null
  /** Until when some process holds the right to ask DMS about it (one query per interval). */
  claimUntil: number | null
  checkFailures: number
  /** Closes DMS refused in a row; while closeRetryAt is ahead, no close is sent (backoff.ts). */
  closeFailures: number
  closeRetryAt: number | null
  /** Raised by every change a screen can see: screens keep the highest one they have seen. */
  version: number
  /** A manager settled it by hand, DMS being unable to confirm it (settle.ts); null otherwise. */
  settledOutcome: SettleOutcome | null
  /** A later DMS answer disagreed with that settlement: on the needs-attention list. */
  settleDisputed: boolean
  createdAt: number
  updatedAt: number
}

export interface ChargeEvent {
  id: number
  chargeId: string
  at: number
  actorType: 'user' | 'system' | 'dms' | 'display'
  actorId: string | null
  actorName: string | null
  type: string
  fromStatus: ChargeStatus | null
  toStatus: ChargeStatus | null
  dmsCode: number | null
  dmsMessage: string | null
  detail: Record<string, unknown> | null
  /** How many times it happened in a row (DMS refusing again); 1 for most events. */
  repeatCount: number
  /** When it last happened, when repeatCount > 1. */
  lastAt: number | null
}

export type Actor =
  | { type: 'user'; id: string; name: string }
  | { type: 'system'; name: string }
  | { type: 'dms'; name: string }
  | { type: 'display'; id: string; name: string }

/** A signed-in person, as a charge's events and the charge service name them. */
export type UserActor = Extract<Actor, { type: 'user' }>

/** The one way a user becomes a charge's actor: by id, named as the screens show them. */
export const userActor = (user: { id: string; displayName: string }): UserActor => ({
  type: 'user',
  id: user.id,
  name: user.displayName,
})

export const SYSTEM: Actor = { type: 'system', name: 'cashier' }
export const DMS: Actor = { type: 'dms', name: 'DMS' }

/** What domain code changes on a charge, camelCase; rows.ts maps it onto the columns. */
export type ChargePatch = Partial<
  Pick<
    Charge,
    | 'status'
    | 'bizOrderNo'
    | 'orderNo'
    | 'payInfo'
    | 'errorCode'
    | 'errorMessage'
    | 'nextCheckAt'
    | 'paidAt'
    | 'cancelRequestedAt'
    | 'cancelRequestedBy'
    | 'settledOutcome'
    | 'paidAfterCancel'
    | 'settleDisputed'
  >
>

/** A charge as createCharge records it; everything DMS or a later step fills in starts empty. */
export type NewCharge = Pick<
  Charge,
  | 'id'
  | 'bzOrder'
  | 'amountFen'
  | 'payWay'
  | 'stationId'
  | 'cashierId'
  | 'payerId'
  | 'recieverId'
  | 'expiresAt'
  | 'createdAt'
>
