/*
 * Making CSV cells safe and faithful in spreadsheets. Pure; tested in csv-cells.test.ts.
 *
 * Formula injection: a cell that starts with = + - @ (or a tab / carriage return, which some programs
 * strip before looking) may be run as a formula by Excel, WPS or LibreOffice. Such cells get a
 * leading apostrophe, the convention spreadsheets use for "this is text".
 *
 * Identifiers (bill numbers, DMS's 19-digit ids): Excel turns 1285453080879468544 into 1.28545E+18
 * and loses the last digits, drops the leading zeros of 0007 and reads 1-2 as a date. We prefix them
 * with a tab, which makes Excel and WPS keep the text as it is and shows nothing. We chose it over
 * writing ="1285…" because that is a formula: it is the very thing the neutralising above exists to
 * prevent, other programs (Numbers, pandas, a bank's import) show it literally, and it would need an
 * exception in the rule. A program reading the file only has to trim the cell.
 */

const FORMULA_START = /^[=+\-@\t\r]/

/** Free text (names, messages): an apostrophe before anything a spreadsheet could run. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** An identifier kept exactly as stored: a tab before it, or the apostrophe when it looks like a formula. */
export function asText(text: string | null): string {
  if (text === null || text === '') return ''
  return FORMULA_START.test(text) ? `'${text}` : `\t${text}`
}

/** Epoch ms as Beijing wall time, "2025-11-25 14:03:07": a form every spreadsheet reads as a date. */
export function beijingTimeText(at: number | null): string {
  if (at === null) return ''
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}
