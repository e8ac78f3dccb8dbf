import 'server-only'
import { clearedDeviceCookie, DEVICE_COOKIE, deviceCookie } from '@/lib/display/device-cookie'
import { deviceOfToken } from '@/lib/display/http'
import { loadDisplayState } from '@/lib/display/state'
import type { PollAnswer, PollRequest } from './types'

/**
 * What the customer tablet polls, about every second. Authenticated by the device cookie only (no
 * staff session): 401 sends the tablet to its pairing screen. Every call is a heartbeat; when the
 * heartbeat is written the cookie is renewed too, so a tablet in daily use never expires.
 */
export async function answerDisplayPoll(req: PollRequest): Promise<PollAnswer> {
  const current = await deviceOfToken(req.cookies[DEVICE_COOKIE])
  if (!current)
    return { status: 401, body: { error: 'unpaired' }, cookies: [clearedDeviceCookie()] }
  const { state, touched } = await loadDisplayState(current.device)
  return {
    status: 200,
    body: state,
    cookies: touched ? [deviceCookie(current.token, req.https)] : [],
  }
}
