/*
 * The words our own DMS client writes when DMS did not answer properly ("HTTP 503: Service
 * Unavailable", "no answer within 10000 ms", "ECONNREFUSED: …") are stored on the charge and its
 * timeline as they were, for support. A manager reads them as a sentence instead: this sorts such a
 * text into what happened, with the one technical token worth keeping as small print. DMS's own
 * words (a rejection's message) match none of the patterns and stay as DMS wrote them.
 * Client-safe and pure; the patterns follow network-error.ts, read-response.ts and client.ts, and
 * the test feeds it what those really produce.
 */

export type SystemTextKind = 'timeout' | 'http' | 'refused' | 'broken' | 'unreadable' | 'mismatch'

export interface SystemText {
  kind: SystemTextKind
  /** Sentence parameters: the wait in whole seconds, the HTTP status. */
  params: Record<string, number>
  /** A technical token to show as small print (a network error code), when there is one. */
  code: string | null
}

const NET_CODE = '((?:E[A-Z]|ERR_|UND_ERR|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)[A-Z0-9_]*)'
const TIMEOUT = /^no answer within (\d+) ms$/
const HTTP = /^HTTP (\d{3}):/
const BROKEN = new RegExp(`^connection broke: (?:${NET_CODE}: )?`)
const REFUSED = new RegExp(`^${NET_CODE}: `)
/** An answer about another attempt or bill than asked (transform.ts): read, and not used. */
const MISMATCH = /^\/dms\/[\w/-]+: answer about (?:bizOrderNo|bz_order) "/
const UNREADABLE =
  /^(JSON cut off after \d+ characters$|not JSON: |errCode is not a number$|expected a JSON object$|no errCode in the response$|framework error: |\/dms\/[\w/-]+: )/

export function readSystemText(message: string | null | undefined): SystemText | null {
  if (!message) return null
  let m = TIMEOUT.exec(message)
  if (m)
    return { kind: 'timeout', params: { seconds: Math.round(Number(m[1]) / 1000) }, code: null }
  m = HTTP.exec(message)
  // A 2xx/3xx page (a login page, an empty body) is an answer we cannot read, not a server error.
  if (m && Number(m[1]) >= 400)
    return { kind: 'http', params: { status: Number(m[1]) }, code: null }
  if (m) return { kind: 'unreadable', params: {}, code: null }
  m = BROKEN.exec(message)
  if (m) return { kind: 'broken', params: {}, code: m[1] ?? null }
  m = REFUSED.exec(message)
  if (m) return { kind: 'refused', params: {}, code: m[1]! }
  if (MISMATCH.test(message)) return { kind: 'mismatch', params: {}, code: null }
  if (UNREADABLE.test(message)) return { kind: 'unreadable', params: {}, code: null }
  return null
}
