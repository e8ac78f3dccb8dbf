/*
 * The bill number (DMS `bz_order`) is the repair order a charge pays for, e.g. "WX20261125-0007".
 * It is shown on screens, sent to DMS, put in CSV exports and URLs, so it is held to a small safe
 * alphabet instead of being escaped everywhere. Pure: the charge form checks it in the browser too.
 */

export const BILL_NUMBER_MAX_LENGTH = 40

export type BillNumberFailure = 'empty' | 'too-long' | 'format'

export type BillNumberResult =
  { ok: true; value: string } | { ok: false; reason: BillNumberFailure }

// Full-width ASCII (Ｗ, ０, －, ＃) comes from Chinese input methods; map it one for one, not by NFKC,
// which would also accept look-alikes such as ① or ™ as letters and digits.
const FULL_WIDTH = /[\uFF01-\uFF5E]/g
const FULL_WIDTH_OFFSET = 0xfee0

/** Full-width ASCII as the half-width it stands for: the bill as stored, for any text naming one. */
export function halfWidthBill(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
}

const ALLOWED = /^[A-Za-z0-9_\-./#]+$/
// "-", "/" or "#" alone are keystrokes, not bills: a number needs at least one letter or digit.
const HAS_ALPHANUMERIC = /[A-Za-z0-9]/

/**
 * Cleans and checks a typed or scanned bill number. Case is kept: DMS compares bills exactly, and a
 * shop's numbers may differ only by case.
 */
export function parseBillNumber(text: string): BillNumberResult {
  // trim() removes every Unicode space, U+3000 included; spaces inside are an error, not trimmed,
  // because "WX 2026" may be two numbers run together.
  const value = halfWidthBill(text.trim())
  if (value === '') return { ok: false, reason: 'empty' }
  // Length first: a long paste is told "too long" and the pattern never scans it.
  if (value.length > BILL_NUMBER_MAX_LENGTH) return { ok: false, reason: 'too-long' }
  if (!ALLOWED.test(value) || !HAS_ALPHANUMERIC.test(value)) return { ok: false, reason: 'format' }
  return { ok: true, value }
}
