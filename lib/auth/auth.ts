import 'server-only'
import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { env } from '@/lib/env'
import { ensureDatabase } from '@/lib/db'
import { verifyCredentials } from '@/lib/users/credentials'
import { touchUserLogin } from '@/lib/users/repo'
import { recordAudit } from '@/lib/audit'
import { authConfig } from './config'

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
})

export class InvalidLogin extends CredentialsSignin {
  code = 'invalid'
}

// Lazy config: env() must not be read at build time, only when a request arrives.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: env().authSecret,
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw)
        if (!parsed.success) throw new InvalidLogin()
        await ensureDatabase()
        const user = await verifyCredentials(parsed.data.username, parsed.data.password)
        if (!user) {
          await recordAudit({
            actorId: null,
            actorName: parsed.data.username.toLowerCase(),
            action: 'auth.sign-in-failed',
          })
          throw new InvalidLogin()
        }
        await touchUserLogin(user.id)
        await recordAudit({ actorId: user.id, actorName: user.username, action: 'auth.sign-in' })
        return { id: user.id, name: user.displayName, role: user.role }
      },
    }),
  ],
}))
