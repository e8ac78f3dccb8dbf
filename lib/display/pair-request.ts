import 'server-only'
import { NextResponse } from 'next/server'
import { ensureDatabase } from '@/lib/db/migrate'
import { pairingLimiter } from './attempt-limiter'
import { revokeDevice } from './devices'
import { clientIp, currentDevice, setDeviceCookie } from './http'
import { redeemPairingCode } from './pairing'

/** Where the pairing screen reads its outcome from (`/display?pair=…`). */
export type PairNotice = 'invalid' | 'limited'

function seeOther(location: string): NextResponse {
  // Relative on purpose: behind a proxy the request URL's host may not be the one the tablet used.
  return new NextResponse(null, {
    status: 303,
    headers: { location, 'cache-control': 'no-store' },
  })
}

/**
 * Pairs the browser that sent this request using `input` as the code: on success it gets the device
 * cookie and goes to /display; otherwise back to the pairing screen with a notice. A browser that
 * was already paired gives up its old credential (revoked, so it does not linger as "offline").
 */
export async function pairThisBrowser(req: Request, input: string): Promise<NextResponse> {
  const ip = await clientIp()
  const key = ip ?? 'unknown'
  if (!pairingLimiter.allowed(key, Date.now())) return seeOther('/display?pair=limited')
  await ensureDatabase()
  const previous = await currentDevice()
  const result = await redeemPairingCode(input, { userAgent: req.headers.get('user-agent'), ip })
  if (!result.ok) {
    // A malformed code never reached the database and tells a guesser nothing: not counted.
    if (result.reason !== 'malformed') pairingLimiter.fail(key, Date.now())
    return seeOther('/display?pair=invalid')
  }
  if (previous) {
    const actor = { id: null, name: 'display', ip }
    await revokeDevice(previous.device.stationId, previous.device.id, actor, {
      reason: 're-paired',
    })
  }
  const res = seeOther('/display')
  setDeviceCookie(res, result.token, req)
  return res
}
