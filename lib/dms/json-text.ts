/*
 * JSON.parse on raw response text, keeping long integers exact.
 *
 * `orderNo` is a 19-digit snowflake id (above 2^53). If DMS ever sends it as a bare JSON number,
 * JSON.parse rounds it silently, and Node 20 has no reviver with access to the source text. So the text
 * is scanned first and every integer literal of 16+ digits outside a string gets quoted. This is done for
 * every key, not just a list of id fields: no legitimate field of this API carries an integer that large
 * except ids, and a new id field DMS adds later is then safe without a change here.
 */

const MIN_DIGITS = 16
const QUOTE = 0x22
const BACKSLASH = 0x5c

const isDigit = (c: number) => c >= 0x30 && c <= 0x39
const isNumberChar = (c: number) =>
  isDigit(c) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d

/** Index just past the string starting at `start` (a quote), or -1 if the text ends inside it. */
function skipString(text: string, start: number): number {
  let i = start + 1
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === BACKSLASH) i += 2
    else if (c === QUOTE) return i + 1
    else i++
  }
  return -1
}

export function quoteLongIntegers(text: string): string {
  let out = ''
  let copied = 0
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const end = skipString(text, i)
      i = end === -1 ? text.length : end
    } else if (isDigit(c) || c === 0x2d) {
      let end = i + 1
      while (end < text.length && isNumberChar(text.charCodeAt(end))) end++
      const token = text.slice(i, end)
      if (token.length >= MIN_DIGITS && /^\d+$/.test(token)) {
        out += `${text.slice(copied, i)}"${token}"`
        copied = end
      }
      i = end
    } else {
      i++
    }
  }
  return copied === 0 ? text : out + text.slice(copied)
}

/** True when the text opens an object/array and stops before closing it (a cut-off body). */
export function looksTruncated(text: string): boolean {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false
  let depth = 0
  let i = 0
  while (i < trimmed.length) {
    const c = trimmed[i]
    if (c === '"') {
      const end = skipString(trimmed, i)
      if (end === -1) return true
      i = end
      continue
    }
    if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') depth--
    i++
  }
  return depth > 0
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; truncated: boolean }

export function parseJsonKeepingIds(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(quoteLongIntegers(text)) }
  } catch {
    return { ok: false, truncated: looksTruncated(text) }
  }
}
