import 'server-only'
import { watchCharge } from '@/lib/charges/watch'
import { clearedDeviceCookie, DEVICE_COOKIE, deviceCookie } from '@/lib/display/device-cookie'
import { deviceOfToken } from '@/lib/display/http'
import { loadDisplayState } from '@/lib/display/state'
import { stationTopic } from '@/lib/feed/feed'
import { sseResponse } from '@/lib/feed/sse'
import type { PollRequest, StreamAnswer } from './types'

/** The tablet's heartbeat while subscribed: the cashier's "connected" mark counts it (LIVE_WINDOW_MS). */
const HEARTBEAT_MS = 5_000

/**
 * The customer tablet's subscription: its station's display state now, then whenever a charge of the
 * station or its pairing changes, and every HEARTBEAT_MS (each read is the tablet's heartbeat, and
 * moves an ended charge off the screen on time). The credential is checked again before every read
 * (sseResponse's recheck): a revoked tablet's stream ends, and its reconnect is refused (401: back
 * to pairing).
 */
export async function answerDisplayStream(req: PollRequest): Promise<StreamAnswer> {
  const token = req.cookies[DEVICE_COOKIE]
  const current = await deviceOfToken(token)
  if (!current)
    return { status: 401, body: { error: 'unpaired' }, cookies: [clearedDeviceCookie()] }
  let device = current.device
  const first = await loadDisplayState(device)
  let watched: string | null = null
  let release = () => {}
  const watch = (id: string | null) => {
    if (id === watched) return
    release()
    watched = id
    release = id ? watchCharge(id) : () => {}
  }
  watch(first.openChargeId)
  const stream = sseResponse({
    signal: req.signal,
    topics: [stationTopic(current.device.stationId)],
    tickMs: HEARTBEAT_MS,
    onClose: () => watch(null),
    async recheck() {
      const now = await deviceOfToken(token)
      if (now) device = now.device
      return now !== null
    },
    async read(cause) {
      if (cause === 'start') return first.state
      const loaded = await loadDisplayState(device)
      watch(loaded.openChargeId)
      return loaded.state
    },
  })
  return {
    stream,
    // Renewed with the heartbeat, so a tablet in daily use never expires (streams reconnect often).
    cookies: first.touched ? [deviceCookie(current.token, req.https)] : [],
  }
}
