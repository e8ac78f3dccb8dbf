import 'server-only'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { env } from '@/lib/env'
import { ensureDatabase } from '@/lib/db'
import { verifyCredentials } from '@/lib/users/credentials'
import { touchUserLogin } from '@/lib/users/repo'
import { recordAudit } from '@/lib/audit'
import { clientAddress } from '@/lib/server/client-address'
import { authConfig } from './config'
import { signInLimiter } from './sign-in-limiter'

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
})

export class InvalidLogin extends CredentialsSignin {
  code = 'invalid'
}

/** Too many wrong attempts for this account or address: refused without checking the password. */
export class SignInBlocked extends CredentialsSignin {
  code = 'blocked'
  constructor(readonly retryAfterMs: number) {
    super()
  }
}

// Lazy config: env() must not be read at build time, only when a request arrives.
// The session is read by lib/auth/session-token.ts (decoded once per token); Auth.js signs in and out.
export const { handlers, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: env().authSecret,
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      // Both the login action and a direct POST to /api/auth/callback/credentials arrive here, so
      // the limit lives here rather than in the action.
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw)
        if (!parsed.success) throw new InvalidLogin()
        const username = parsed.data.username.toLowerCase()
        const ip = clientAddress(request.headers)
        await ensureDatabase()
        const gate = await signInLimiter().attempt(username, ip)
        if (!gate.ok) {
          // Once per account or address and window: a flood of refusals adds nothing to read.
          if (gate.firstRefusal) {
            await recordAudit({
              actorKind: 'sign-in',
              actorId: null,
              actorName: username,
              action: 'auth.sign-in-blocked',
              detail: { scope: gate.scope, retryAfterSec: Math.ceil(gate.retryAfterMs / 1000) },
              ip,
            })
          }
          throw new SignInBlocked(gate.retryAfterMs)
        }
        const user = await verifyCredentials(parsed.data.username, parsed.data.password)
        if (!user) {
          await recordAudit({
            actorKind: 'sign-in',
            actorId: null,
            actorName: username,
            action: 'auth.sign-in-failed',
            ip,
          })
          throw new InvalidLogin()
        }
        await signInLimiter().succeeded(username, ip)
        await touchUserLogin(user.id)
        await recordAudit({
          actorKind: 'user',
          actorId: user.id,
          actorName: user.username,
          action: 'auth.sign-in',
          ip,
        })
        return {
          id: user.id,
          name: user.displayName,
          role: user.role,
          sessionVersion: user.sessionVersion,
        }
      },
    }),
  ],
}))
