import 'server-only'
import { limitKey } from '@/lib/server/address'
import { createLimiter, type LimiterDeps, type LimitRule } from '@/lib/rate-limit/limiter'

/*
 * Caps wrong passwords per account and per client address, so a password cannot be guessed online.
 * The counts live in the database (lib/rate-limit): every instance shares them and a restart does
 * not reset them. The address is the one lib/server/client-address.ts works out from the socket,
 * so a made-up X-Forwarded-For does not give a client a fresh allowance.
 *
 * The account limit applies to names that do not exist too, with the same answer, so the refusal
 * never tells whether a username is real. It is also a way to lock someone out for the window:
 * that is the accepted price of stopping guessing, and why the message says whom to ask.
 */

export type { LimitRule }

export const SIGN_IN_LIMITS = {
  perUsername: { points: 5, windowSec: 15 * 60 },
  perAddress: { points: 20, windowSec: 15 * 60 },
} as const satisfies Record<string, LimitRule>

export type SignInGate =
  | { ok: true }
  | {
      ok: false
      scope: 'username' | 'address'
      retryAfterMs: number
      /** The first refusal of this window for this key: worth one audit entry, later ones are not. */
      firstRefusal: boolean
    }

export interface SignInLimiter {
  /**
   * Call before the password is checked. Counts the attempt against both keys up front (so parallel
   * guesses cannot all slip through before the first failure is counted) and refuses when either is
   * spent. A refused attempt is not counted against the other key: a cashier retrying a locked
   * account must not lock out the whole shop's address too.
   */
  attempt(username: string, address: string): Promise<SignInGate>
  /** The password was right: the account's count starts over and the address gets its attempt back. */
  succeeded(username: string, address: string): Promise<void>
  /** Clears an account's count, e.g. when an admin has just reset its password. */
  forget(username: string): Promise<void>
}

const usernameKey = (username: string) => username.trim().toLowerCase().slice(0, 64)
const addressKey = (address: string) => limitKey(address)

export function createSignInLimiter(
  limits: { perUsername: LimitRule; perAddress: LimitRule } = SIGN_IN_LIMITS,
  deps: LimiterDeps = {},
): SignInLimiter {
  const byName = createLimiter('sign-in:user', limits.perUsername, deps)
  const byAddress = createLimiter('sign-in:ip', limits.perAddress, deps)

  return {
    async attempt(username, address) {
      const name = usernameKey(username)
      const named = await byName.consume(name)
      if (!named.ok) return { ...named, scope: 'username' }
      const addressed = await byAddress.consume(addressKey(address))
      if (!addressed.ok) {
        await byName.giveBack(name)
        return { ...addressed, scope: 'address' }
      }
      return { ok: true }
    },
    async succeeded(username, address) {
      await byName.forget(usernameKey(username))
      await byAddress.giveBack(addressKey(address))
    },
    async forget(username) {
      await byName.forget(usernameKey(username))
    },
  }
}

const shared = createSignInLimiter()

/** The sign-in limiter on the process's database. */
export function signInLimiter(): SignInLimiter {
  return shared
}
