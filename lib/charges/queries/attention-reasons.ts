import type { ChargeStatus } from '../status'
import { isOpen } from '../status'

/*
 * Why a charge needs a manager. Pure and client-safe, so the list can explain each row; attention.ts
 * holds the same rules as SQL.
 */

export const ATTENTION_REASONS = [
  'unknown',
  'overdue',
  'paid-after-cancel',
  'check-failing',
  'settle-disputed',
] as const
export type AttentionReason = (typeof ATTENTION_REASONS)[number]

/**
 * How long past its timeout an open charge may stay open before it counts as stuck: the reconciler
 * gives a customer mid-payment a minute more, then closes at DMS. Without this every charge would
 * flash up in the list for the seconds it takes to close.
 */
export const OVERDUE_GRACE_MS = 2 * 60_000

export interface AttentionFacts {
  status: ChargeStatus
  expiresAt: number
  paidAfterCancel: boolean
  /** A manager already marked the paid-after-cancel case handled. */
  reviewed: boolean
  /** DMS later disagreed with a manager's settlement by hand, not marked handled since. */
  settleDisputed?: boolean
  checkFailures: number
}

export function attentionReasons(c: AttentionFacts, now: number): AttentionReason[] {
  const open = isOpen(c.status)
  const out: AttentionReason[] = []
  if (c.status === 'unknown') out.push('unknown')
  if (open && c.expiresAt < now - OVERDUE_GRACE_MS) out.push('overdue')
  if (c.paidAfterCancel && !c.reviewed) out.push('paid-after-cancel')
  if (open && c.checkFailures > 0) out.push('check-failing')
  if (c.settleDisputed) out.push('settle-disputed')
  return out
}
