import 'server-only'
import { NextResponse } from 'next/server'
import { displayActor } from '@/lib/audit/types'
import { ensureDatabase } from '@/lib/db/migrate'
import { clientAddress } from '@/lib/server/client-address'
import { revokeDevice } from './devices'
import { currentDevice, setDeviceCookie } from './http'
import { redeemPairingCode } from './pairing'
import { normalizePairingCode } from './pairing-code'
import { pairingLimiter } from './pairing-limiter'

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
  const ip = clientAddress(req.headers)
  const code = normalizePairingCode(input)
  // A malformed code never reaches the database and tells a guesser nothing: not counted.
  if (!code) return seeOther('/display?pair=invalid')
  await ensureDatabase()
  if (!(await pairingLimiter().attempt(ip, code))) return seeOther('/display?pair=limited')
  const previous = await currentDevice()
  const result = await redeemPairingCode(code, { userAgent: req.headers.get('user-agent'), ip })
  if (!result.ok) return seeOther('/display?pair=invalid')
  await pairingLimiter().succeeded(ip, code)
  if (previous) {
    await revokeDevice(previous.device.stationId, previous.device.id, displayActor(ip), {
      reason: 're-paired',
    })
  }
  const res = seeOther('/display')
  setDeviceCookie(res, result.token, req)
  return res
}
