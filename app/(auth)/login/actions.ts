'use server'

import { AuthError } from 'next-auth'
import { z } from 'zod'
import { signIn } from '@/lib/auth/auth'

export type LoginState = { error?: 'invalid' | 'missing'; username?: string }

const schema = z.object({
  username: z.string().trim().min(1),
  password: z.string().min(1),
  callbackUrl: z.string().optional(),
})

// Only same-site paths: an attacker-supplied callbackUrl must not bounce a cashier elsewhere.
function safeCallback(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/'
}

export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = schema.safeParse(Object.fromEntries(formData))
  const username = String(formData.get('username') ?? '')
  if (!parsed.success) return { error: 'missing', username }
  try {
    await signIn('credentials', {
      username: parsed.data.username,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    })
  } catch (error) {
    // One message for every refusal: never say whether the name or the password was wrong.
    if (error instanceof AuthError) return { error: 'invalid', username }
    throw error
  }
  return {}
}
