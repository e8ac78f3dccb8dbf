/*
 * The statuses a charge goes through, as the database stores them and as the screens expose them in
 * `data-status`. Pure and client-safe: badges and polling hooks import it.
 */

export const CHARGE_STATUSES = [
  'creating',
  'pending',
  'paying',
  'paid',
  'failed',
  'closed',
  'refunded',
  'unknown',
  'refused',
] as const

export type ChargeStatus = (typeof CHARGE_STATUSES)[number]

/**
 * Still in play: screens keep polling and the sweep keeps querying DMS. `unknown` is open because the
 * create may have reached DMS; only a query settles it.
 */
export const OPEN_STATUSES = [
  'creating',
  'pending',
  'paying',
  'unknown',
] as const satisfies readonly ChargeStatus[]

export type OpenStatus = (typeof OPEN_STATUSES)[number]

/**
 * `refused`: DMS would not start the attempt for a reason that is not the customer's payment (the bill
 * is already paid, the station's accounts cannot be used). No money moved and retrying the same way
 * fails again, so it is neither a failed payment in totals nor offered 重新收款 (see refusal.ts).
 */
/** Settled. Only a late word from DMS about money moves one (see status-machine.ts). */
export const TERMINAL_STATUSES = [
  'paid',
  'failed',
  'closed',
  'refunded',
  'refused',
] as const satisfies readonly ChargeStatus[]

export type TerminalStatus = (typeof TERMINAL_STATUSES)[number]

/**
 * A customer who is mid-payment (`paying`) at the timeout keeps the QR this long past the deadline
 * before the cashier's side closes it; the tablet keeps showing it as long. One value for both.
 */
export const PAYING_GRACE_MS = 60_000

export function isChargeStatus(value: unknown): value is ChargeStatus {
  return typeof value === 'string' && (CHARGE_STATUSES as readonly string[]).includes(value)
}

export function isOpen(status: ChargeStatus): status is OpenStatus {
  return (OPEN_STATUSES as readonly ChargeStatus[]).includes(status)
}

export function isTerminal(status: ChargeStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly ChargeStatus[]).includes(status)
}
