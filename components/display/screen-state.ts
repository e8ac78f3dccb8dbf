import { isTerminal } from '@/lib/charges/status'
import type { DisplayCharge } from '@/lib/display/view'

/*
 * What the tablet has on screen, decided from each poll. Pure, so the timing rules are tested
 * without a browser:
 * - an open charge is shown as soon as it arrives and replaces anything else;
 * - an ended one (paid, failed, closed, refunded) is shown for TERMINAL_HOLD_MS from the moment the
 *   tablet first sees it in that status, then the idle screen, even if the server still offers it
 *   (it does for a few seconds) or the tablet has lost its connection meanwhile;
 * - a status change restarts that (closed, then a late "paid" from DMS, shows "paid").
 */

export const TERMINAL_HOLD_MS = 6_000

export interface Shown {
  charge: DisplayCharge | null
  /** The last charge received, in its status: identifies "the same ended charge again". */
  key: string | null
  /** When the tablet first saw `key` (an ended charge); null for an open one. */
  terminalSince: number | null
}

export const NOTHING_SHOWN: Shown = { charge: null, key: null, terminalSince: null }

/** A charge's identity as the tablet knows it (it gets no ids), with its status. */
export function chargeKey(c: DisplayCharge): string {
  return [c.bzOrder, c.payWay, c.expiresAt, c.status].join('\u0001')
}

function holding(s: Shown, now: number): boolean {
  return s.charge !== null && s.terminalSince !== null && now - s.terminalSince < TERMINAL_HOLD_MS
}

export function nextShown(prev: Shown, incoming: DisplayCharge | null, now: number): Shown {
  if (!incoming) return holding(prev, now) ? prev : { ...prev, charge: null }
  const key = chargeKey(incoming)
  if (!isTerminal(incoming.status)) return { charge: incoming, key, terminalSince: null }
  if (key !== prev.key || prev.terminalSince === null) {
    return { charge: incoming, key, terminalSince: now }
  }
  return { charge: holding(prev, now) ? incoming : null, key, terminalSince: prev.terminalSince }
}

/** Ends a hold whose time is up (a timer calls it, so the screen clears even with no new poll). */
export function expireShown(s: Shown, now: number): Shown {
  return s.charge !== null && s.terminalSince !== null && !holding(s, now)
    ? { ...s, charge: null }
    : s
}

/** Milliseconds until the current hold ends; null when nothing is held. */
export function holdRemaining(s: Shown, now: number): number | null {
  return holding(s, now) ? TERMINAL_HOLD_MS - (now - s.terminalSince!) : null
}
