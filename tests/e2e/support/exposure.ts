import type { APIResponse } from '@playwright/test'
import { E2E_SECRETS } from './secrets'

/* What an answer shows the browser, and what is wrong with it: for secrets.spec.ts. */

const SECRETS = Object.entries(E2E_SECRETS)

/** The names of the secrets `text` contains. */
export function leaks(text: string): string[] {
  return SECRETS.filter(([, value]) => text.includes(value)).map(([name]) => name)
}

export const setCookies = (res: APIResponse) =>
  res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value)

/** Everything an answer shows the client: headers (cookies included) and body. */
export const exposed = (res: APIResponse, body: string) =>
  `${res
    .headersArray()
    .map((h) => `${h.name}: ${h.value}`)
    .join('\n')}\n${body}`

/** The headers lib/http/security-headers.ts puts on every answer, checked on this one. */
export function securityHeaderProblems(where: string, res: APIResponse): string[] {
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
