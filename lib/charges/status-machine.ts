/*
 * The charge status machine: current state + one thing we learned → next state + the event to append
 * to the timeline. Pure, so that every case can be tested in a table; the service does the I/O, stores
 * the result and copies the event into the charge's timeline.
 *
 * Principles, in the order they win:
 * 1. Money is never hidden. Whenever DMS says paid (or paid-then-refunded), the charge follows, even
 *    from failed or closed: the customer's money arrived and the shop must see it.
 * 2. DMS is the truth about an open charge; our own view (pending, paying, unknown) gives way to it.
 * 3. A settled charge otherwise stays settled, and paid is left only for refunded.
 * 4. Anything that changes nothing returns changed: false and no event, so duplicated, late and
 *    out-of-order inputs (notifications arrive twice, polls overlap) are harmless.
 * 5. A manager may settle an `unknown` charge DMS cannot confirm; DMS still wins afterwards (money
 *    is never hidden), and a DMS answer that disagrees with the manager flags it, once, for attention.
 */

import type { DmsOrderStatus } from '@/lib/dms/types'

import { refusalKind } from './refusal'
import { isOpen, isTerminal, type ChargeStatus } from './status'

export type { DmsOrderStatus }

export type ChargeSnapshot = {
  status: ChargeStatus
  /** A person cancelled or the cashier's timeout fired; the close call to DMS follows. */
  cancelRequested: boolean
  /** Paid although a cancel had been requested: the manager must look (refund or keep). */
  paidAfterCancel: boolean
  /** A manager settled it by hand: 'not-charged' (closed) or 'paid'. */
  settledOutcome?: 'not-charged' | 'paid' | null
  /** DMS later said otherwise than the manager: the manager must look. */
  settleDisputed?: boolean
}

export type ChargeInput =
  /** DMS returned a QR (payStatus '' or 'pending'). */
  | { kind: 'create-accepted' }
  /** DMS rejected the create (an errCode) or answered payStatus 'fail'. */
  | { kind: 'create-declined'; code?: number; message: string }
  /** Timed out or broke after sending: the outcome is unknown. */
  | { kind: 'create-unanswered' }
  /** Certainly never reached DMS (refused connection, DNS failure). */
  | { kind: 'create-not-sent'; message: string }
  /** From a query, a verified notification, or the answer to a close. */
  | { kind: 'dms-status'; status: DmsOrderStatus; message?: string }
  /** The query said 2008 long enough after an unanswered create: that create never happened. */
  | { kind: 'not-found-at-dms' }
  /** A person cancelled, or the cashier timeout fired. */
  | { kind: 'cancel-requested' }
  /** DMS confirmed the attempt is closed. */
  | { kind: 'close-confirmed' }
  /** A manager settles an unknown charge after a fresh query failed (settle.ts). */
  | { kind: 'manager-settled'; outcome: 'not-charged' | 'paid' }

export const CHARGE_EVENT_TYPES = [
  'qr-issued',
  'create-declined',
  'create-unanswered',
  'create-not-sent',
  'scanned',
  'paid',
  'failed',
  'closed',
  'refunded',
  'cancel-requested',
  'not-created',
  'paid-after-cancel',
  'paid-after-failure',
  'back-to-waiting',
  'manager-settled',
  'settle-disputed',
] as const

export type ChargeEventType = (typeof CHARGE_EVENT_TYPES)[number]

export type ChargeEvent = {
  type: ChargeEventType
  from: ChargeStatus
  to: ChargeStatus
  /** DMS's code and message when the input carried them, for the timeline and the cashier. */
  code?: number
  message?: string
}

export type Transition = ChargeSnapshot & { changed: boolean; event: ChargeEvent | null }

function stay(current: ChargeSnapshot): Transition {
  return { ...current, changed: false, event: null }
}

function move(
  current: ChargeSnapshot,
  next: Partial<ChargeSnapshot> & { status: ChargeStatus },
  type: ChargeEventType,
  input: ChargeInput,
): Transition {
  const event: ChargeEvent = { type, from: current.status, to: next.status }
  if ('code' in input && input.code !== undefined) event.code = input.code
  if ('message' in input && input.message !== undefined) event.message = input.message
  return { ...current, ...next, changed: true, event }
}

export function nextState(current: ChargeSnapshot, input: ChargeInput): Transition {
  const t = transition(current, input)
  const outcome = current.settledOutcome
  if (!outcome || current.settleDisputed || !disagrees(outcome, input)) return t
  // DMS's word still moves the charge (a "not charged" one that DMS says paid becomes paid); the
  // flag is set with that move, or with an event of its own when DMS's word moves nothing.
  if (t.changed) return { ...t, settleDisputed: true }
  return move(current, { status: current.status, settleDisputed: true }, 'settle-disputed', input)
}

/** Whether DMS's word contradicts what the manager settled the charge as. */
function disagrees(outcome: 'not-charged' | 'paid', input: ChargeInput): boolean {
  if (input.kind === 'not-found-at-dms') return outcome === 'paid'
  if (input.kind !== 'dms-status') return false
  const agreeing = outcome === 'paid' ? ['paid', 'refunded'] : ['failed', 'closed']
  return !agreeing.includes(input.status)
}

function transition(current: ChargeSnapshot, input: ChargeInput): Transition {
  const from = current.status
  switch (input.kind) {
    // The create call's answer belongs to the request that made it. Once the service has stopped
    // waiting (unknown), only a query decides, so two sources never race to set the status.
    case 'create-accepted':
      return from === 'creating'
        ? move(current, { status: 'pending' }, 'qr-issued', input)
        : stay(current)
    // A refusal for the bill or the station's setup is not a failed payment: no money was asked for.
    case 'create-declined':
      return from === 'creating'
        ? move(
            current,
            { status: refusalKind(input.code) ? 'refused' : 'failed' },
            'create-declined',
            input,
          )
        : stay(current)
    case 'create-unanswered':
      return from === 'creating'
        ? move(current, { status: 'unknown' }, 'create-unanswered', input)
        : stay(current)
    case 'create-not-sent':
      return from === 'creating'
        ? move(current, { status: 'failed' }, 'create-not-sent', input)
        : stay(current)

    case 'dms-status':
      return applyDmsStatus(current, input)

    // Only an unknown charge: while creating, the create may still be on its way to DMS.
    case 'not-found-at-dms':
      return from === 'unknown'
        ? move(current, { status: 'failed' }, 'not-created', input)
        : stay(current)

    // Not while creating: there is no DMS attempt to close yet, so the caller must ask again once the
    // create has answered. A repeated request is a no-op.
    case 'cancel-requested':
      return isOpen(from) && from !== 'creating' && !current.cancelRequested
        ? move(current, { status: from, cancelRequested: true }, 'cancel-requested', input)
        : stay(current)

    case 'close-confirmed':
      return isOpen(from) ? move(current, { status: 'closed' }, 'closed', input) : stay(current)

    // Only an unknown charge (the caller has just failed to query DMS): anything else DMS decides.
    case 'manager-settled':
      return from === 'unknown'
        ? move(
            current,
            {
              status: input.outcome === 'paid' ? 'paid' : 'closed',
              settledOutcome: input.outcome,
            },
            'manager-settled',
            input,
          )
        : stay(current)

    default:
      return unexpected(current, input)
  }
}

function applyDmsStatus(
  current: ChargeSnapshot,
  input: Extract<ChargeInput, { kind: 'dms-status' }>,
): Transition {
  const from = current.status
  switch (input.status) {
    case 'paid':
    case 'refunded':
      return moneyArrived(current, input.status, input)

    // Everything below only moves an open charge: a settled one ignores DMS's older news.
    case 'unpaid':
      if (from === 'creating' || from === 'unknown') {
        // DMS holds an unpaid order for this attempt: the QR exists.
        return move(current, { status: 'pending' }, 'qr-issued', input)
      }
      // The payer backed out of the confirmation step. DMS is the truth, so the screen goes back to
      // "waiting" rather than showing a payment in progress that no longer is.
      if (from === 'paying') return move(current, { status: 'pending' }, 'back-to-waiting', input)
      return stay(current)
    case 'paying':
      return isOpen(from) && from !== 'paying'
        ? move(current, { status: 'paying' }, 'scanned', input)
        : stay(current)
    case 'failed':
      return isOpen(from) ? move(current, { status: 'failed' }, 'failed', input) : stay(current)
    case 'closed':
      return isOpen(from) ? move(current, { status: 'closed' }, 'closed', input) : stay(current)
    default:
      return unexpected(current, input.status)
  }
}

/*
 * DMS says the money arrived (paid), or arrived and went back (refunded: we missed the paid).
 * `paidAfterCancel` is decided once, when we first learn of the money: it is whether a cancel had
 * been requested by then. Later moves (paid → refunded) keep it.
 */
function moneyArrived(
  current: ChargeSnapshot,
  to: 'paid' | 'refunded',
  input: ChargeInput,
): Transition {
  const from = current.status
  if (from === to || from === 'refunded') return stay(current) // duplicate, or news older than ours
  if (from === 'paid') return move(current, { status: 'refunded' }, 'refunded', input)

  const paidAfterCancel = current.cancelRequested
  let type: ChargeEventType
  if (to === 'refunded') type = 'refunded'
  // The person asked to cancel and the payment won the race: whatever the state when it was learned.
  else if (current.cancelRequested) type = 'paid-after-cancel'
  // The charge had already ended without money (failed, or closed by DMS without our asking).
  else if (isTerminal(from)) type = 'paid-after-failure'
  else type = 'paid'
  return move(current, { status: to, paidAfterCancel }, type, input)
}

// Reached only if the types are bypassed (a value from a newer DMS that lib/dms let through). A poll
// must not crash on it; the charge waits for an answer it understands.
function unexpected(current: ChargeSnapshot, value: never): Transition {
  void value
  return stay(current)
}
