import type { APIResponse } from '@playwright/test'
import { E2E_SECRETS } from './secrets'

/* What an answer shows the browser, and what is wrong with it: for secrets.spec.ts. */

const SECRETS = Object.entries(E2E_SECRETS)

/** What these checks read of an answer: a Playwright response, or a stream's (walk.ts). */
export type ProbeResponse = Pick<APIResponse, 'status' | 'headers' | 'headersArray'>

/** The names of the secrets `text` contains. */
export function leaks(text: string): string[] {
  return SECRETS.filter(([, value]) => text.includes(value)).map(([name]) => name)
}

export const setCookies = (res: ProbeResponse) =>
  res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value)

/** Everything an answer shows the client: headers (cookies included) and body. */
export const exposed = (res: ProbeResponse, body: string) =>
  `${res
    .headersArray()
    .map((h) => `${h.name}: ${h.value}`)
    .join('\n')}\n${body}`

/** The headers lib/server/security-headers.ts puts on every answer, checked on this one. */
export function securityHeaderProblems(where: string, res: ProbeResponse): string[] {
  const h = res.headers()
  const problems = []
  if (!/frame-ancestors 'none'/.test(h['content-security-policy'] ?? '')) problems.push('CSP')
  if (h['referrer-policy'] !== 'no-referrer') problems.push('Referrer-Policy')
  if (h['x-frame-options'] !== 'DENY') problems.push('X-Frame-Options')
  if (h['x-content-type-options'] !== 'nosniff') problems.push('X-Content-Type-Options')
  return problems.map((p) => `${where}: ${p}`)
}

/** A Set-Cookie line's missing protections. */
export function cookieProblems(line: string, https: boolean): string[] {
  const name = line.split('=')[0]
  const problems = []
  if (!/;\s*httponly/i.test(line)) problems.push(`${name}: not HttpOnly`)
  if (!/;\s*samesite=(lax|strict)/i.test(line)) problems.push(`${name}: no SameSite`)
  if (https && !/;\s*secure/i.test(line)) problems.push(`${name}: not Secure over HTTPS`)
  return problems
}

const RIBBON = '演示模式 — 不是真实收款'

/**
 * What is wrong with an answer's Content-Security-Policy (lib/server/security-headers.ts): an HTML
 * page must carry a script nonce of its own, with no 'unsafe-inline' for scripts, every script tag
 * must carry that nonce, and (the e2e server runs the sandbox) the demo ribbon must be on it;
 * anything else must allow nothing. Returns the page's nonce, to check that nonces never repeat.
 */
export function cspProblems(
  where: string,
  res: ProbeResponse,
  body: string,
): { problems: string[]; nonce: string | null; html: boolean } {
  const csp = res.headers()['content-security-policy'] ?? ''
  const html = res.status() === 200 && /text\/html/.test(res.headers()['content-type'] ?? '')
  const problems: string[] = []
  if (!html) {
    if (!/default-src 'none'/.test(csp) && !/script-src 'self' 'nonce-/.test(csp))
      problems.push('neither a page CSP nor one that allows nothing')
    return { problems: problems.map((p) => `${where}: ${p}`), nonce: null, html }
  }
  const script = /script-src ([^;]+)/.exec(csp)?.[1] ?? ''
  const nonce = /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(script)?.[1] ?? null
  if (!nonce) problems.push('no script nonce')
  if (/'unsafe-inline'/.test(script)) problems.push("'unsafe-inline' scripts")
  if (!/'strict-dynamic'/.test(script)) problems.push("no 'strict-dynamic'")
  const tags = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
  if (tags.length === 0) problems.push('no script at all (not the page expected)')
  const without = tags.filter((t) => !t.includes(`nonce="${nonce}"`))
  if (without.length > 0) problems.push(`${without.length} script tags without the nonce`)
  if (!body.includes(RIBBON)) problems.push('no demo ribbon')
  return { problems: problems.map((p) => `${where}: ${p}`), nonce, html }
}
