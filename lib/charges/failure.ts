/*
 * What a stored charge's error is, for everything that says it to a manager (the charge's detail,
 * the CSV and .xlsx exports): one rule, so the screen and the files never disagree. Pure.
 */

/**
 * The code a charge keeps for a payment the payment network failed. DMS's own code for "payment
 * network error" (dms-contract.md), also stored, with the network's words, when DMS *answered* that
 * the payment failed (orderStatus 3, or payStatus "fail" on the create): apply.ts, create.ts.
 */
export const NETWORK_FAILURE_CODE = 3000

export type StoredFailure =
  /** DMS answered; the payment failed at the payment network, in its words (may be empty). */
  | { kind: 'payment'; message: string }
  /** The same, before any QR was made: DMS answered the create itself payStatus "fail". */
  | { kind: 'no-qr'; message: string }
  /** DMS refused a request with this code (a create refused, never answered with an attempt). */
  | { kind: 'dms'; code: number; message: string }
  /** No code: our own note of the line to DMS (unreachable, no answer). */
  | { kind: 'note'; message: string }

/**
 * Told apart by the attempt number: DMS gives it only when it answers a create (or a query finds
 * the attempt), and a refusal's envelope carries none, so a refused create never has one. Every
 * path that stores a payment's failure (a query, a close answered 2009 then queried, a
 * reconciliation by bill, a create answered payStatus "fail") has it. The one reading this gets
 * wrong cannot happen today: DMS refusing a create with 3000 after all and still sending data.
 *
 * A failed payment with no QR content stored failed before any customer could scan: the QR is
 * stored only from a create's answer (create.ts), which a payStatus "fail" answer has none of. The
 * one other such charge is a create whose answer was lost and whose attempt a query of the bill
 * found failed (reconcile-unknown.ts): no QR reached the counter there either.
 */
export function storedFailure(c: {
  errorCode: number | null
  errorMessage: string | null
  bizOrderNo: string | null
  payInfo: string | null
}): StoredFailure | null {
  const message = c.errorMessage?.trim() ?? ''
  if (c.errorCode === null) return message ? { kind: 'note', message } : null
  if (c.errorCode === NETWORK_FAILURE_CODE && c.bizOrderNo !== null) {
    return { kind: c.payInfo === null ? 'no-qr' : 'payment', message }
  }
  return { kind: 'dms', code: c.errorCode, message }
}

/**
 * The message key (in `manager.failure`) and its values: the detail page and the exports read
 * the same words through it. A note has no key: it is shown as stored (DmsWords on the page).
 */
export type FailureKey = 'payment' | 'paymentBare' | 'noQr' | 'noQrBare' | 'dms' | 'dmsBare'
export type FailureValues = Record<string, string | number>
/**
 * `manager.failure`'s translator, as a caller that is not a component hands it over: plain text
 * (`t.markup`, the `<dms>` tag around DMS's words dropped; the page keeps those whole with it).
 */
export type SayFailure = (key: FailureKey, values: FailureValues) => string

export function failureWords(f: Exclude<StoredFailure, { kind: 'note' }>): {
  key: FailureKey
  values: FailureValues
} {
  if (f.kind === 'payment' || f.kind === 'no-qr') {
    const key = f.kind === 'payment' ? 'payment' : 'noQr'
    return f.message ? { key, values: { message: f.message } } : { key: `${key}Bare`, values: {} }
  }
  return f.message
    ? { key: 'dms', values: { code: f.code, message: f.message } }
    : { key: 'dmsBare', values: { code: f.code } }
}
