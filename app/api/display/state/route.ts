import { connection, NextResponse } from 'next/server'
import { clearDeviceCookie, currentDevice, setDeviceCookie } from '@/lib/display/http'
import { loadDisplayState } from '@/lib/display/state'

const NO_STORE = { 'cache-control': 'no-store' }

/**
 * What the customer tablet polls, about every second. Authenticated by the device cookie only (no
 * staff session): 401 sends the tablet to its pairing screen. Every call is a heartbeat; when the
 * heartbeat is written the cookie is renewed too, so a tablet in daily use never expires.
 */
export async function GET(req: Request) {
  await connection()
  const current = await currentDevice()
  if (!current) {
    const res = NextResponse.json({ error: 'unpaired' }, { status: 401, headers: NO_STORE })
    clearDeviceCookie(res)
    return res
  }
  const { state, touched } = await loadDisplayState(current.device)
  const res = NextResponse.json(state, { headers: NO_STORE })
  if (touched) setDeviceCookie(res, current.token, req)
  return res
}
