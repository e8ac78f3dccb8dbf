import NextAuth from 'next-auth'
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server'
import { authConfig } from '@/lib/auth/config'
import { isPublicPath } from '@/lib/auth/public-paths'
import { env } from '@/lib/env'

/*
 * Redirects only: a signed-out visitor goes to the login page. (The login page itself sends a signed-in
 * user home, after checking the account still exists: a token for a deleted user must not loop.)
 * This is a convenience, not the guard: every page, action and route checks the user itself.
 */
const { auth } = NextAuth(() => ({ ...authConfig, secret: env().authSecret }))

const handler = auth((req) => {
  const { pathname, search } = req.nextUrl
  const signedIn = Boolean(req.auth?.user?.id)

  if (isPublicPath(pathname) || signedIn) return NextResponse.next()

  if (pathname.startsWith('/api/')) {
    return NextResponse.json({ error: 'unauthenticated' }, { status: 401 })
  }
  const login = new URL('/login', req.nextUrl)
  if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`)
  return NextResponse.redirect(login)
})

// With a lazy config Auth.js hands back the wrapped handler asynchronously.
type Middleware = (req: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>

export async function proxy(req: NextRequest, event: NextFetchEvent) {
  const run = (await handler) as unknown as Middleware
  return run(req, event)
}

export const config = {
  // API routes and the tablet check their own credentials (and answer 401 themselves); keeping them
  // out of the proxy spares every poll a second session decode.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/|display|pair/).*)'],
}
