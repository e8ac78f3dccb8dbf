import type { DmsError } from './types'

/*
 * Sorts a rejected fetch by whether the request can have reached DMS. Only failures that happen before
 * a single byte is sent are `sent: false`; everything else is `unknown`, because DMS may have acted on
 * the request (created a QR, closed an order) and the cashier must check before trying again.
 */

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
])

// TLS fails during the handshake, before the HTTP request is written.
const TLS_CODE = /^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_SSL_)/

function codesOf(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return []
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown }
  const own = typeof e.code === 'string' ? [e.code] : []
  // Node's happy-eyeballs connect reports one error per address in an AggregateError.
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((x) => codesOf(x, depth + 1)) : []
  return [...own, ...nested, ...codesOf(e.cause, depth + 1)]
}

function messageOf(error: unknown): string {
  const parts: string[] = []
  let e: unknown = error
  for (let i = 0; i < 4 && e instanceof Error; i++) {
    if (e.message && !parts.includes(e.message)) parts.push(e.message)
    e = e.cause
  }
  return parts.join(': ').slice(0, 200) || 'request failed'
}

const isNotSent = (code: string) => NOT_SENT_CODES.has(code) || TLS_CODE.test(code)

export function classifyFetchError(error: unknown, timedOut: boolean, timeoutMs: number): DmsError {
  if (timedOut) return { kind: 'unknown', detail: `no answer within ${timeoutMs} ms` }
  const codes = codesOf(error)
  const message = messageOf(error)
  // An invalid URL is thrown as a bare TypeError before any connection is attempted.
  const badUrl = error instanceof TypeError && /invalid url|failed to parse url/i.test(message)
  if (badUrl || (codes.length > 0 && codes.every(isNotSent))) {
    const code = codes[0] ?? 'ERR_INVALID_URL'
    return { kind: 'unavailable', reason: 'refused', detail: `${code}: ${message}`, sent: false }
  }
  const code = codes[0] ? `${codes[0]}: ` : ''
  return { kind: 'unknown', detail: `connection broke: ${code}${message}` }
}
