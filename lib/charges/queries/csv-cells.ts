import { readSystemText, type SystemTextKind } from '@/lib/dms/system-text'
import { BEIJING_OFFSET_MS } from '../beijing-day'
import { failureWords, storedFailure, type SayFailure } from '../failure'

/**
 * `manager.systemText`: our DMS client's own notes ("no answer within 10000 ms", "HTTP 503: …") as
 * the charge's detail page says them (components/manager/dms-words.tsx).
 */
export type SaySystemText = (kind: SystemTextKind, params: Record<string, number>) => string

/*
 * Making CSV cells safe and faithful in spreadsheets. Pure; tested in csv-cells.test.ts.
 *
 * Formula injection: a cell that starts with = + - @ (or a tab / carriage return, which some programs
 * strip before looking) may be run as a formula by Excel, WPS or LibreOffice. Such cells get a
 * leading apostrophe, the convention spreadsheets use for "this is text".
 *
 * Identifiers (bill numbers, DMS's 19-digit ids) are written exactly as stored, with nothing hidden
 * before them: a cell copied into DMS's search or a VLOOKUP must match the bill. (A leading TAB made
 * Excel keep 19-digit ids as text, but every pasted bill carried it.) A spreadsheet that must keep
 * long ids as text opens the .xlsx export, where they are typed text cells.
 */

const FORMULA_START = /^[=+\-@\t\r]/

/** Free text (names, messages): an apostrophe before anything a spreadsheet could run. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** An identifier exactly as stored (plain cell), or with the apostrophe when it looks like a formula. */
export function asText(text: string | null): string {
  if (text === null || text === '') return ''
  return neutralise(text)
}

/**
 * Why a charge did not go through, for the export's failure-reason column: in the words of the
 * charge's detail page (failure.ts), a payment the network failed never as a DMS code.
 */
export function failureReason(
  r: {
    status: string
    errorCode: number | null
    errorMessage: string | null
    bizOrderNo: string | null
    payInfo: string | null
  },
  say: SayFailure,
  saySystem: SaySystemText,
): string {
  const f = r.status === 'paid' ? null : storedFailure(r)
  if (!f) return ''
  if (f.kind === 'note') {
    // As the detail page says it: a sentence in the file's language, the network code kept.
    const system = readSystemText(f.message)
    if (!system) return neutralise(f.message)
    const code = system.code ? ` (${system.code})` : ''
    return neutralise(`${saySystem(system.kind, system.params)}${code}`)
  }
  const { key, values } = failureWords(f)
  return neutralise(say(key, values))
}

/** Epoch ms as Beijing wall time, "2025-11-25 14:03:07": a form every spreadsheet reads as a date. */
export function beijingTimeText(at: number | null): string {
  if (at === null) return ''
  return new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')
}
