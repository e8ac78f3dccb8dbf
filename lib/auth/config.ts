import type { NextAuthConfig } from 'next-auth'
import { sameOriginRedirect } from './callback-url'
import { isRole } from './roles'

/*
 * The part of the Auth.js configuration that needs no database, shared by the proxy and the server.
 * The JWT carries the user id and role only as a routing hint: every page, action and route re-reads
 * the user from the database (lib/auth/staff-user.ts), so a disabled user, a changed role or a raised
 * session version takes effect at the next request, not when the token expires.
 */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    // Also for a direct POST to Auth.js's endpoint: its own check lets `/\evil.example` through.
    redirect({ url, baseUrl }) {
      return sameOriginRedirect(url, baseUrl)
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id
        token.role = (user as { role?: string }).role
        // The session version it was made under: raised later, it ends this session.
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0
        // This session's own id: signing out ends it on the server (lib/auth/ended-sessions.ts).
        token.sid = crypto.randomUUID()
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
