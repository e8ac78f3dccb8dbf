import 'server-only'
import { headers } from 'next/headers'
import type { NextRequest } from 'next/server'
import { isHttpsRequest } from './address'

/* Where a request came from: over HTTPS or not, and from a page of this site or not. */

/** Whether the current Next request came over HTTPS (cookies set during it get `Secure` then). */
export async function requestIsHttps(): Promise<boolean> {
  return isHttpsRequest((await headers()).get('x-forwarded-proto'))
}

/**
 * A request seen outside a page (a route handler, the proxy): its cookies by name, and whether it
 * came over HTTPS (which session cookie name it carries depends on it).
 */
export function requestCookies(req: NextRequest): {
  cookies: Record<string, string>
  https: boolean
} {
  return {
    cookies: Object.fromEntries(req.cookies.getAll().map((c) => [c.name, c.value])),
    https: isHttpsRequest(req.headers.get('x-forwarded-proto'), req.nextUrl.protocol === 'https:'),
  }
}

/*
 * Whether a browser's POST was made by a page of this site, for public forms that take no session
 * (tablet pairing). A page elsewhere cannot forge either signal a browser sends:
 * - Sec-Fetch-Site (every current browser): only `same-origin` is ours;
 * - Origin, when the browser sends a real one: its host must be the one the browser used (as the
 *   proxy forwards it, X-Forwarded-Host, or Host: what Next's own server-action check compares).
 * Under our `Referrer-Policy: no-referrer` a browser sends `Origin: null` even for its own site's
 * forms, so `null` proves nothing either way; an older tablet that sends neither header is let
 * through, as it was before (the code itself is the credential).
 */
export function isSameOrigin(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site')
  if (site) return site === 'same-origin'
  const origin = headers.get('origin')
  if (!origin || origin === 'null') return true
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return false
  }
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  const own = forwarded || headers.get('host')
  return Boolean(own) && host.toLowerCase() === own!.toLowerCase()
}
