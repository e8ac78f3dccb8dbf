import type { NextAuthConfig } from 'next-auth'
import { isRole } from './roles'

/*
 * The part of the Auth.js configuration that needs no database, shared by the proxy and the server.
 * The JWT carries the user id and role only as a routing hint: every page, action and route re-reads
 * the user from the database (lib/auth/session.ts), so a disabled user or a changed role takes effect
 * at the next request, not when the token expires.
 */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id
        token.role = (user as { role?: string }).role
      }
      return token
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid
      if (isRole(token.role)) (session.user as { role?: string }).role = token.role
      return session
    },
  },
} satisfies NextAuthConfig
