'use server'

import { signOut } from '@/lib/auth/auth'
import { endCurrentSession } from '@/lib/auth/session'

export async function signOutAction(): Promise<void> {
  // Deleting the cookie alone would not do: see lib/auth/ended-sessions.ts.
  await endCurrentSession()
  await signOut({ redirectTo: '/login' })
}
