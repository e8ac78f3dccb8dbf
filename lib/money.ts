/*
 * Money is an integer number of fen (分) everywhere in the cashier. This module (with money-text.ts,
 * which it re-exports) is the only place that turns what a person typed into fen and fen into text.
 * Parsing works on the digits as text: a float such as 128.5 * 100 can land a hair off, and a
 * cashier must never charge ¥128.49.
 * Pure and free of server-only imports: the charge form validates with it in the browser too.
 */

/** ¥100,000: far above any repair bill, low enough that a slipped finger (an extra 0 or 00) stands out. */
export const DEFAULT_MAX_FEN = 10_000_000

export type ParseYuanFailure =
  'empty' | 'format' | 'too-many-decimals' | 'zero' | 'negative' | 'too-large'

export type ParseYuanResult = { ok: true; fen: number } | { ok: false; reason: ParseYuanFailure }

/*
 * Chinese input methods type full-width forms: ０-９, ．, ，, ￥, －. Only U+FF01..U+FF5E and ￥ are
 * mapped, one for one, to ASCII. NFKC would go further (① → 1, ² → 2), accepting text nobody meant as
 * an amount. The ideographic full stop 。 is deliberately not a decimal point: it ends sentences, and
 * reading it as one would turn a typo into a charge.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g
const FULL_WIDTH_OFFSET = 0xfee0

function toHalfWidth(text: string): string {
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\uFFE5/g, '\u00A5') // ￥ → ¥
    .replace(/\u2212/g, '-') // − (the typographic minus that pasted spreadsheets bring) → -
}

/*
 * [sign] [¥] [spaces] [sign] then either plain digits (leading zeros allowed: "007" is 7) or digits in
 * groups of three separated by commas ("1,234"), then an optional point with decimals. Each piece is
 * optional here; the code below requires at least one digit and at most one sign.
 * The alternatives cannot overlap, so matching stays linear on long input.
 */
const AMOUNT = /^(-)?(\u00A5)?\s*(-)?(?:(\d+)|([1-9]\d{0,2}(?:,\d{3})+))?(?:\.(\d*))?$/

/**
 * Parses yuan as a person types it ("128.5", "¥1,234.50", "１２８．５０") into fen, exactly.
 * The failure reason lets the form say what to fix; checks run from "not a number at all" to
 * "a number we will not charge".
 */
export function parseYuan(text: string, opts?: { maxFen?: number }): ParseYuanResult {
  const maxFen = opts?.maxFen ?? DEFAULT_MAX_FEN
  if (!Number.isSafeInteger(maxFen) || maxFen < 1) {
    throw new RangeError(`maxFen must be a positive safe integer, got ${maxFen}`)
  }

  // trim() removes every Unicode space, the ideographic space U+3000 included.
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, reason: 'empty' }

  const m = AMOUNT.exec(toHalfWidth(trimmed))
  if (!m) return { ok: false, reason: 'format' }
  const [, signBefore, , signAfter, plain, grouped, decimals] = m
  const whole = plain ?? grouped?.replace(/,/g, '') ?? ''
  const frac = decimals ?? ''
  if (whole === '' && frac === '') return { ok: false, reason: 'format' } // "", ".", "¥", "-"
  if (signBefore && signAfter) return { ok: false, reason: 'format' } // "-¥-5"

  const nonZero = /[1-9]/.test(whole) || /[1-9]/.test(frac)
  // A minus is the most basic mistake, so it is reported before the decimals ("-1.234" → negative).
  // "-0" is simply zero.
  if ((signBefore || signAfter) && nonZero) return { ok: false, reason: 'negative' }
  // Also "1.230": a third decimal, even a zero, is more likely a typo than a precise amount.
  if (frac.length > 2) return { ok: false, reason: 'too-many-decimals' }
  if (!nonZero) return { ok: false, reason: 'zero' }

  const digits = (whole + frac.padEnd(2, '0')).replace(/^0+/, '')
  // Compare as text before Number(): a 40-digit paste would otherwise round, and equal-length digit
  // strings compare like the numbers they spell.
  const maxDigits = String(maxFen)
  if (
    digits.length > maxDigits.length ||
    (digits.length === maxDigits.length && digits > maxDigits)
  ) {
    return { ok: false, reason: 'too-large' }
  }
  return { ok: true, fen: Number(digits) }
}

/** A count of fen: a safe integer, not negative. */
export function isFen(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0
}

// Fen into text lives in money-text.ts (the customer tablet loads that, without the parser).
import { formatFen } from './money-text'

export { fenToYuanText, formatFen } from './money-text'

/**
 * Money with its direction: + came in, − went out (a sign, not a word: the same in every language);
 * nothing moved reads as plain ¥0.00.
 */
export function signedFen(fen: number, locale: string): string {
  if (fen === 0) return formatFen(0, locale)
  return `${fen < 0 ? '−' : '+'}${formatFen(Math.abs(fen), locale)}`
}
