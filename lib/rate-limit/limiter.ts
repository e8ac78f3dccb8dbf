import 'server-only'
import type { Kysely } from 'kysely'
import { getDb } from '@/lib/db/connection'
import type { Database } from '@/lib/db/schema'
import { countPoint, dropEnded, forgetKey, givePointBack, readCount } from './store'

/*
 * A limit of `points` attempts per key per window, on the shared store (store.ts). Keys are bounded
 * in length, so whatever a client sends costs one short row at most.
 */

export interface LimitRule {
  /** Attempts allowed in one window; the next one is refused. */
  points: number
  windowSec: number
}

export type LimitAnswer =
  | { ok: true }
  | {
      ok: false
      retryAfterMs: number
      /** The first refusal of this window for this key: worth one audit entry, later ones are not. */
      firstRefusal: boolean
    }

export interface LimiterDeps {
  db?: () => Kysely<Database>
  now?: () => number
}

export interface Limiter {
  /** Counts an attempt by `key` and says whether it may go on. */
  consume(key: string): Promise<LimitAnswer>
  /** Whether `key` has attempts left, without counting one. */
  allows(key: string): Promise<boolean>
  /** Gives the last attempt back (it turned out right). */
  giveBack(key: string): Promise<void>
  /** Starts `key` over. */
  forget(key: string): Promise<void>
}

const HOUSEKEEPING_EVERY_MS = 10 * 60_000

export function createLimiter(prefix: string, rule: LimitRule, deps: LimiterDeps = {}): Limiter {
  const db = deps.db ?? getDb
  const now = deps.now ?? Date.now
  const windowMs = rule.windowSec * 1000
  const full = (key: string) => `${prefix}:${key.slice(0, 100)}`
  let lastHousekeeping = -Infinity

  return {
    async consume(key) {
      const t = now()
      if (t - lastHousekeeping > HOUSEKEEPING_EVERY_MS) {
        lastHousekeeping = t
        await dropEnded(db(), t)
      }
      const c = await countPoint(db(), full(key), windowMs, t)
      if (c.points <= rule.points) return { ok: true }
      return {
        ok: false,
        retryAfterMs: Math.max(c.expiresAt - t, 0),
        firstRefusal: c.points === rule.points + 1,
      }
    },
    async allows(key) {
      const c = await readCount(db(), full(key), now())
      return !c || c.points < rule.points
    },
    async giveBack(key) {
      await givePointBack(db(), full(key), now())
    },
    async forget(key) {
      await forgetKey(db(), full(key))
    },
  }
}
