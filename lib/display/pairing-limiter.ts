import 'server-only'
import { createLimiter, type LimiterDeps, type LimitRule } from '@/lib/rate-limit/limiter'
import { limitKey } from '@/lib/server/address'

/*
 * Caps wrong pairing codes per client address and per code, in the shared store (lib/rate-limit).
 * There is no global cap: one was a lever for anyone to stop every tablet pairing (spend it with
 * junk, and the right code is refused too). Per address, a guesser gets 10 tries per 10 minutes
 * against a space of 191 million codes that live 10 minutes each (pairing-code.ts). Per code, a
 * code that keeps being tried wrong from many addresses (a stale pairing URL passed around, a
 * botnet walking one code) is refused for the window without a database transaction per try.
 * A right code gets its attempt back, so the person pairing a tablet is never the one limited.
 */

export const PAIRING_LIMITS = {
  perAddress: { points: 10, windowSec: 10 * 60 },
  perCode: { points: 5, windowSec: 10 * 60 },
} as const satisfies Record<string, LimitRule>

export interface PairingLimiter {
  /** Counts a try of `code` from `address`; false when either is spent. */
  attempt(address: string, code: string): Promise<boolean>
  /** The code was right: the try is given back to the address and the code starts over. */
  succeeded(address: string, code: string): Promise<void>
}

export function createPairingLimiter(
  limits: { perAddress: LimitRule; perCode: LimitRule } = PAIRING_LIMITS,
  deps: LimiterDeps = {},
): PairingLimiter {
  const byAddress = createLimiter('pair:ip', limits.perAddress, deps)
  const byCode = createLimiter('pair:code', limits.perCode, deps)
  return {
    async attempt(raw, code) {
      // One key per client, as the sign-in limiter keys it: ::ffff:1.2.3.4 is 1.2.3.4, a v6 client its /64.
      const address = limitKey(raw)
      if (!(await byAddress.consume(address)).ok) return false
      if ((await byCode.consume(code)).ok) return true
      // Refused for the code's sake: the address did not get to try, so it keeps its attempt.
      await byAddress.giveBack(address)
      return false
    },
    async succeeded(raw, code) {
      await byAddress.giveBack(limitKey(raw))
      await byCode.forget(code)
    },
  }
}

const shared = createPairingLimiter()

export function pairingLimiter(): PairingLimiter {
  return shared
}
