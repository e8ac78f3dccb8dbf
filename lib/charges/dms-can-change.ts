import type { Charge } from './types'
import { isOpen } from './status'

/*
 * Pure and client-safe: the detail page decides from it whether to offer 立即向 DMS 核实, the
 * re-check refuses by it, and the refresh asks DMS about a settled charge only when it holds.
 */

/** What the rule reads of a charge. */
export type DmsCheckFacts = Pick<Charge, 'status' | 'bizOrderNo' | 'settledOutcome'>

/**
 * Whether asking DMS about this charge can still change or confirm anything: the one rule behind
 * the manager's check (shown only then, refused otherwise) and a notified settled charge's query.
 * - An open charge: always. DMS is the truth about it, and `unknown` is settled only by a query.
 * - `refunded`: never. Nothing follows it (status-machine.ts: paid is left only for refunded).
 * - Another ended charge (paid, failed, closed, refused): only while DMS holds something to ask
 *   about: the attempt DMS named (`bizOrderNo`), or a manager's settlement by hand, asked by its
 *   bill. Then money can still move. A paid attempt can be refunded at DMS (orderStatus 5, and its
 *   notification may never come: dms-contract.md), so paid is NOT final here; a failed or closed
 *   one can turn out paid (paid after cancel / after failure); DMS can contradict a hand
 *   settlement. Without either, the create never reached DMS or DMS turned it down before issuing
 *   a QR: no order exists that anyone could pay, so there is nothing DMS could say.
 */
export function dmsCanStillChange(c: DmsCheckFacts): boolean {
  if (isOpen(c.status)) return true
  if (c.status === 'refunded') return false
  return c.bizOrderNo !== null || c.settledOutcome !== null
}
