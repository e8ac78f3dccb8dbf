import type { CookieSpec } from '@/lib/display/device-cookie'

/*
 * A poll as the answering code sees it, whoever carries it: a Next route handler (`next dev`, and
 * any path the lean server does not take) or the lean polling server in production. Only what the
 * answer may depend on: the cookies, and whether the browser came over HTTPS.
 */
export interface PollRequest {
  cookies: Readonly<Record<string, string>>
  https: boolean
}

export interface PollAnswer {
  status: number
  /** Sent as JSON. */
  body: unknown
  cookies?: CookieSpec[]
}
