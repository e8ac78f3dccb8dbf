import { parseSetCookie } from 'cookie'
import NextAuth from 'next-auth'
import { NextRequest, NextResponse, type NextFetchEvent } from 'next/server'
import { authConfig } from '@/lib/auth/config'
import { REQUESTED_PATH_HEADER, loginPathFor } from '@/lib/auth/callback-url'
import { isPublicPath } from '@/lib/auth/public-paths'
import { sessionClaims, sessionTokenOf } from '@/lib/auth/session-token'
import { env } from '@/lib/env'
import {
  NONCE_HEADER,
  NON_PAGE_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
} from '@/lib/server/security-headers'
import { PUBLIC_BODY_LIMIT, bodyTooLarge } from '@/lib/server/body-limit'
import { requestCookies } from '@/lib/server/request-origin'

/*
 * Every page request passes here (API routes do not: see `config`).
 * 1. A body above the limit is refused before anything reads it: pages take posts only as server
 *    actions, which never need more (next.config.js sets the same limit for them).
 * 2. A fresh nonce and the page's Content-Security-Policy (lib/server/security-headers.js), on the
 *    request for Next to put on its scripts and on the response for the browser. Pages are
 *    rendered per request anyway (they read the session, the locale, the station). A server
 *    action called by a script takes a shorter way (actionCall).
 * 3. Redirects only: a signed-out visitor goes to the login page. (The login page itself sends a
 *    signed-in user home, after checking the account still exists: a token for a deleted user must
 *    not loop.) This is a convenience, not the guard: every page, action and route checks the user.
 */
const { auth } = NextAuth(() => ({ ...authConfig, secret: env().authSecret }))

const signInRedirect = auth((req) => {
  const { pathname, search } = req.nextUrl
  if (req.auth?.user?.id) return NextResponse.next({ request: { headers: req.headers } })
  return NextResponse.redirect(new URL(loginPathFor(`${pathname}${search}`), req.nextUrl))
})

// With a lazy config Auth.js hands back the wrapped handler asynchronously.
type Middleware = (req: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>

function refusedBody(req: NextRequest): Response | null {
  if (req.method === 'GET' || req.method === 'HEAD') return null
  const length = req.headers.get('content-length')
  if (length === null) {
    // Browsers always say how long a form or action body is; a stream of unknown length would
    // only be cut at the limit, and a cut form must never be read as a whole one. Next's own
    // forwarding of an action to the page that has it streams the (already checked) body.
    if (req.headers.get('transfer-encoding') && req.headers.get('x-action-forwarded') !== '1') {
      return Response.json(
        { error: 'length-required', message: 'Say how long the body is (Content-Length).' },
        { status: 411, headers: { connection: 'close' } },
      )
    }
    return null
  }
  return Number(length) > PUBLIC_BODY_LIMIT ? bodyTooLarge(PUBLIC_BODY_LIMIT) : null
}

/**
 * A server action called by a page's script (Next-Action says which) is answered with a Flight
 * payload, never an HTML page: it needs no nonce, and Auth.js's round (decode the session, seal it
 * again, re-issue its cookie) bought it nothing but about 10 ms before every QR (issue 14), since
 * the action checks its user itself (defineAction). A call without a session cookie (the browser
 * dropped an expired one) goes on to that check too: a redirect to the login page is an HTML answer
 * the page's script cannot read, so the cashier saw Next's own English error page where the
 * action's refusal says 登录已过期 in the screen's words. Such a call does not extend the session's
 * cookie; the next page request does, as before.
 */
function actionCall(req: NextRequest): Response {
  const { pathname, search } = req.nextUrl
  const headers = new Headers(req.headers)
  headers.set(REQUESTED_PATH_HEADER, `${pathname}${search}`)
  const res = NextResponse.next({ request: { headers } })
  res.headers.set('content-security-policy', NON_PAGE_CONTENT_SECURITY_POLICY)
  return res
}

/**
 * Auth.js re-issues the session cookie on every page request: the page's server actions then carry
 * a token nobody has decoded yet. Decoded here once the answer is on its way (waitUntil), it is in
 * the process's cache (session-token.ts) before the cashier clicks, instead of costing the create
 * 3–6 ms of key derivation and decryption before its DMS call (issue 14).
 */
async function decodeIssuedSession(req: NextRequest, res: Response): Promise<void> {
  const issued = Object.fromEntries(
    res.headers.getSetCookie().map((line) => {
      const { name, value } = parseSetCookie(line)
      return [name, value ?? '']
    }),
  )
  const { https } = requestCookies(req)
  if (sessionTokenOf(issued, https)) await sessionClaims(issued, https)
}

export async function proxy(req: NextRequest, event: NextFetchEvent) {
  const refused = refusedBody(req)
  if (refused) {
    refused.headers.set('content-security-policy', NON_PAGE_CONTENT_SECURITY_POLICY)
    return refused
  }
  if (req.method === 'POST' && req.headers.has('next-action')) return actionCall(req)
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64')
  const csp = pageContentSecurityPolicy(nonce, env().nodeEnv === 'development')
  const headers = new Headers(req.headers)
  headers.set(NONCE_HEADER, nonce)
  headers.set('content-security-policy', csp)
  headers.set(REQUESTED_PATH_HEADER, `${req.nextUrl.pathname}${req.nextUrl.search}`)

  let res: Response
  if (isPublicPath(req.nextUrl.pathname)) {
    res = NextResponse.next({ request: { headers } })
  } else {
    const run = (await signInRedirect) as unknown as Middleware
    res =
      (await run(new NextRequest(req, { headers }), event)) ??
      NextResponse.next({ request: { headers } })
    event.waitUntil(decodeIssuedSession(req, res))
  }
  res.headers.set('content-security-policy', csp)
  return res
}

export const config = {
  // API routes check their own credentials and answer JSON (401 themselves, and 404 JSON for a
  // path no route has): keeping them out spares every poll a second session decode. Everything
  // else can be HTML (the tablet's /display and /login included) and needs its nonce.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/).*)'],
}
