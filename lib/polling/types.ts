import type { CookieSpec } from '@/lib/display/device-cookie'

/*
 * A screen's request as the answering code sees it: only what the answer may depend on — the
 * cookies, and whether the browser came over HTTPS — so the answers are plain functions to test.
 */
export interface PollRequest {
  cookies: Readonly<Record<string, string>>
  https: boolean
  /** Aborts when the client goes away (streams release what they hold). */
  signal: AbortSignal
}

export interface PollAnswer {
  status: number
  /** Sent as JSON. */
  body: unknown
  cookies?: CookieSpec[]
}

/** A stream route's answer: a refusal as JSON, or the event stream itself. */
export type StreamAnswer = PollAnswer | { stream: Response; cookies?: CookieSpec[] }
