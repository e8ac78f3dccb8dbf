import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/*
 * Caps wrong passwords per account and per client address, so a password cannot be guessed online.
 *
 * Kept in this process's memory (RateLimiterMemory): the cashier runs as one Node process. A second
 * instance behind a load balancer would keep its own counts, multiplying the allowance by the number
 * of instances; such a deployment needs a shared store instead (RateLimiterPostgres or
 * RateLimiterRedis from the same package, with the same options). A restart forgets the counts.
 *
 * The account limit applies to names that do not exist too, with the same answer, so the refusal
 * never tells whether a username is real. It is also a way to lock someone out for the window:
 * that is the accepted price of stopping guessing, and why the message says whom to ask.
 */

export interface LimitRule {
  /** Wrong attempts allowed in one window; the next one is refused. */
  points: number
  windowSec: number
}

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
const addressKey = (address: string) => address.trim().slice(0, 64) || 'unknown'

function refusal(res: unknown, rule: LimitRule, scope: 'username' | 'address'): SignInGate {
  // The memory store only rejects with a RateLimiterRes; anything else is a bug worth surfacing.
  if (!(res instanceof RateLimiterRes)) throw res
  return {
    ok: false,
    scope,
    retryAfterMs: Math.max(res.msBeforeNext, 0),
    firstRefusal: res.consumedPoints === rule.points + 1,
  }
}

export function createSignInLimiter(
  limits: { perUsername: LimitRule; perAddress: LimitRule } = SIGN_IN_LIMITS,
): SignInLimiter {
  const byName = new RateLimiterMemory({
    keyPrefix: 'sign-in:user',
    points: limits.perUsername.points,
    duration: limits.perUsername.windowSec,
  })
  const byAddress = new RateLimiterMemory({
    keyPrefix: 'sign-in:ip',
    points: limits.perAddress.points,
    duration: limits.perAddress.windowSec,
  })

  return {
    async attempt(username, address) {
      const name = usernameKey(username)
      const ip = addressKey(address)
      try {
        await byName.consume(name)
      } catch (res) {
        return refusal(res, limits.perUsername, 'username')
      }
      try {
        await byAddress.consume(ip)
      } catch (res) {
        await byName.reward(name)
        return refusal(res, limits.perAddress, 'address')
      }
      return { ok: true }
    },
    async succeeded(username, address) {
      await byName.delete(usernameKey(username))
      // Only while the window lasts: a reward on an expired key would open a window below zero.
      const ip = addressKey(address)
      const current = await byAddress.get(ip)
      if (current && current.consumedPoints > 0) await byAddress.reward(ip)
    },
    async forget(username) {
      await byName.delete(usernameKey(username))
    },
  }
}

// On globalThis: Next bundles the login action and the Auth.js route separately, and both must count
// against the same limiter.
const GLOBAL_KEY = Symbol.for('dms-cashier.sign-in-limiter')
type WithLimiter = typeof globalThis & { [GLOBAL_KEY]?: SignInLimiter }

/** This process's limiter. */
export function signInLimiter(): SignInLimiter {
  const g = globalThis as WithLimiter
  g[GLOBAL_KEY] ??= createSignInLimiter()
  return g[GLOBAL_KEY]
}
