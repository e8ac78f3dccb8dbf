import { NextRequest } from 'next/server'
import { handlers } from '@/lib/auth/auth'
import { withBodyWithin } from '@/lib/server/body-limit'

export const { GET } = handlers

/** Sign-in and sign-out posts are public: Auth.js gets the body only once it is known to be small. */
export async function POST(request: NextRequest) {
  const within = await withBodyWithin(request)
  if (within instanceof Response) return within
  return handlers.POST(new NextRequest(within))
}
