'use server'

import { AuthError } from 'next-auth'
import { z } from 'zod'
import { signIn, SignInBlocked } from '@/lib/auth/auth'
import { sameOriginPath } from '@/lib/auth/callback-url'

export type LoginState = {
  error?: 'invalid' | 'missing' | 'blocked'
  /** With `blocked`: whole minutes until the next attempt is let through. */
  minutes?: number
  username?: string
}

const schema = z.object({
  username: z.string().trim().min(1),
  password: z.string().min(1),
  callbackUrl: z.string().optional(),
})

export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = schema.safeParse(Object.fromEntries(formData))
  const username = String(formData.get('username') ?? '').slice(0, 64)
  if (!parsed.success) return { error: 'missing', username }
  try {
    await signIn('credentials', {
      username: parsed.data.username,
      password: parsed.data.password,
      // Only a path on this site: a link to /login can carry any callbackUrl (lib/auth/callback-url.ts).
      redirectTo: sameOriginPath(parsed.data.callbackUrl) ?? '/',
    })
  } catch (error) {
    // The same answer whether or not the account exists (lib/auth/sign-in-limiter.ts).
    if (error instanceof SignInBlocked) {
      return {
        error: 'blocked',
        minutes: Math.max(1, Math.ceil(error.retryAfterMs / 60_000)),
        username,
      }
    }
    // One message for every refusal: never say whether the name or the password was wrong.
    if (error instanceof AuthError) return { error: 'invalid', username }
    throw error
  }
  return {}
}
