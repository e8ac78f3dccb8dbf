// @ts-check
/*
 * The headers every response carries, whoever answers it: Next (next.config.js `headers()`) or the
 * proxy (proxy.ts, pages). One home, so they can never drift.
 *
 * Pages get a Content-Security-Policy with a fresh nonce per request (proxy.ts): Next puts the
 * nonce on its own inline and external scripts, and 'strict-dynamic' lets those load the rest, so
 * no inline script an attacker slips into a page runs. Styles stay 'unsafe-inline': React's style
 * attributes (the QR's size, the tablet's idle screen) and Next's own style tags need it, and a
 * style cannot run code. Everything that is not a page (JSON, CSV, redirects) gets a policy that
 * allows nothing at all.
 *
 * Plain JavaScript with JSDoc types: next.config.js imports it, and Node loads that config without
 * TypeScript.
 */

/** The request header that hands a page's nonce from the proxy to a page with its own inline script. */
export const NONCE_HEADER = 'x-nonce'

/**
 * For a page rendered with `nonce`; `dev` adds what Next's development server needs (eval).
 * @param {string} nonce
 * @returns {string}
 */
export function pageContentSecurityPolicy(nonce, dev = false) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** For answers that are not pages: nothing may load, run or frame them. */
export const NON_PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** @typedef {readonly { key: string; value: string }[]} HeaderList */

/** Every answer. @type {HeaderList} */
export const BASE_SECURITY_HEADERS = [
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), screen-wake-lock=(self)',
  },
]

/** Every answer that is not a page (API routes, polls, redirects), with its CSP. @type {HeaderList} */
export const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: NON_PAGE_CONTENT_SECURITY_POLICY },
  ...BASE_SECURITY_HEADERS,
]
