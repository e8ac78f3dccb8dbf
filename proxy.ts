import NextAuth from 'next-auth'
import { NextResponse } from 'next/server'
import { authConfig } from '@/lib/auth/config'
import { isPublicPath } from '@/lib/auth/public-paths'
import { HOME_BY_ROLE, isRole } from '@/lib/auth/roles'
import { env } from '@/lib/env'

/*
 * Redirects only: a signed-out visitor goes to the login page, a signed-in one away from it.
 * This is a convenience, not the guard: every page, action and route checks the user itself.
 */
const { auth } = NextAuth(() => ({ ...authConfig, secret: env().authSecret }))

export const proxy = auth((req) => {
  const { pathname, search } = req.nextUrl
  const role = (req.auth?.user as { role?: string } | undefined)?.role
  const signedIn = Boolean(req.auth?.user?.id)

  if (pathname === '/login' && signedIn && isRole(role)) {
    return NextResponse.redirect(new URL(HOME_BY_ROLE[role], req.nextUrl))
  }
  if (isPublicPath(pathname) || signedIn) return NextResponse.next()

  if (pathname.startsWith('/api/')) {
    return NextResponse.json({ error: 'unauthenticated' }, { status: 401 })
  }
  const login = new URL('/login', req.nextUrl)
  if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`)
  return NextResponse.redirect(login)
})

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
