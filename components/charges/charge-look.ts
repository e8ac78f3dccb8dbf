import { isOpen, type ChargeStatus } from '@/lib/charges/status'
import type { ChargeView } from '@/lib/charges/view'

/*
 * What the charge screen looks like, one look per situation the cashier must tell apart from 2 m.
 * It is finer than the status: a cancel requested keeps the status open (DMS has not confirmed the
 * close) but must not look like "waiting". Pure, so each case is tested without a browser.
 */
export type ChargeLook =
  'creating' | 'waiting' | 'confirming' | 'cancelling' | 'switching' | 'unknown' | 'ended'

/**
 * `switching`: this screen's switch to the other pay way is under way. The switch closes the QR
 * first, so the charge is cancel-requested meanwhile; read as 正在取消 it looked cancelled for good.
 * Only this screen knows (the charge keeps no switch), so the screen says it, not the view.
 */
export function chargeLook(
  charge: Pick<ChargeView, 'status' | 'cancelRequested'>,
  switching = false,
): ChargeLook {
  if (!isOpen(charge.status)) return 'ended'
  if (charge.cancelRequested) return switching ? 'switching' : 'cancelling'
  if (charge.status === 'unknown') return 'unknown'
  if (charge.status === 'creating') return 'creating'
  return charge.status === 'paying' ? 'confirming' : 'waiting'
}

/** Only a QR a customer can still pay has a countdown; a cancel or an unknown outcome stops it. */
export function countsDown(look: ChargeLook): boolean {
  return look === 'waiting' || look === 'confirming'
}

/**
 * Whether the ended charge's outcome panel (charge-outcome.tsx) carries the amount: then the details
 * card beside or below it leaves it out, so a phone, which stacks the two, shows it once.
 */
export function outcomeShowsAmount(status: ChargeStatus): boolean {
  return AMOUNT_IN_OUTCOME.has(status)
}

const AMOUNT_IN_OUTCOME: ReadonlySet<ChargeStatus> = new Set([
  'paid',
  'failed',
  'closed',
  'refunded',
])
