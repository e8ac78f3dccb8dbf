/*
 * Fen into text, the other way from money.ts's parseYuan (which re-exports these): a module of its
 * own so that a screen that only shows amounts (the customer tablet) does not load the parser.
 * Pure and client-safe.
 */

function assertWholeFen(fen: number): void {
  // A fractional or unsafe fen value is a bug upstream; showing a rounded amount would hide it.
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`)
}

/**
 * Fen as plain yuan text, "1234.50": no symbol, no grouping, always two decimals. For CSV, input
 * values and speech. Exact: built from the digits, never by dividing.
 */
export function fenToYuanText(fen: number): string {
  assertWholeFen(fen)
  const digits = String(Math.abs(fen)).padStart(3, '0')
  const sign = fen < 0 ? '-' : ''
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`
}

// Building an Intl.NumberFormat costs far more than using one; lists format hundreds of amounts.
const formatters = new Map<string, Intl.NumberFormat>()

function currencyFormatter(locale: string): Intl.NumberFormat {
  let f = formatters.get(locale)
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      // 'narrowSymbol' keeps ¥ in English too, where the default would print "CN¥".
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    })
    formatters.set(locale, f)
  }
  return f
}

/** Fen for people to read: "¥1,234.50" (negative amounts, such as differences, as "-¥5.00"). */
export function formatFen(fen: number, locale = 'zh-CN'): string {
  // Intl formats a decimal string exactly (Intl.NumberFormat v3). An engine without v3 converts the
  // string to a number first, which is still right for any amount a shop will see.
  return currencyFormatter(locale).format(fenToYuanText(fen) as Intl.StringNumericLiteral)
}
