import type { Attempt } from './model'
import type { OrderStatus } from './types'

/*
 * The life of one payment attempt, as the control surface (and auto-pay, and lazy expiry) moves it.
 * Pure: an attempt and an action in, a new attempt or a refusal out.
 */

export const CONTROL_ACTIONS = ['scan', 'pay', 'fail', 'close', 'expire', 'refund'] as const
export type ControlAction = (typeof CONTROL_ACTIONS)[number]

const RULES: Record<ControlAction, { from: readonly OrderStatus[]; to: OrderStatus }> = {
  scan: { from: [1], to: 99 },
  pay: { from: [1, 99], to: 4 },
  fail: { from: [1, 99], to: 3 },
  close: { from: [1, 99], to: 6 },
  expire: { from: [1, 99], to: 6 },
  refund: { from: [4], to: 5 },
}

export const DEFAULT_FAIL_MESSAGE = '支付失败'

export type TransitionResult = { ok: true; attempt: Attempt } | { ok: false; reason: string }

export function applyAction(
  attempt: Attempt,
  action: ControlAction,
  now: number,
  message?: string,
): TransitionResult {
  const rule = RULES[action]
  if (!rule.from.includes(attempt.status)) {
    return {
      ok: false,
      reason: `cannot ${action} order ${attempt.bizOrderNo}: status is ${attempt.status}, needs ${rule.from.join(' or ')}`,
    }
  }
  const next: Attempt = { ...attempt, status: rule.to, updatedAt: now }
  if (rule.to !== 99) {
    // Leaving the open states: nothing is left for auto-pay to do.
    next.autoScanAt = null
    next.autoPayAt = null
  }
  if (action === 'pay') next.payAt = now
  if (action === 'fail') next.errorMessage = message?.trim() || DEFAULT_FAIL_MESSAGE
  if (action === 'expire') next.expireAt = Math.min(attempt.expireAt, now)
  return { ok: true, attempt: next }
}

/** An unpaid attempt whose QR lifetime is over is closed, as the network does it. */
export function isExpired(attempt: Attempt, now: number): boolean {
  return attempt.status === 1 && now >= attempt.expireAt
}
