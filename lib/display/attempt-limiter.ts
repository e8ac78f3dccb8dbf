/*
 * Caps wrong pairing codes: per client address, and in total (an address is easy to vary). Wrong
 * guesses only; a right code always gets through unless the cap is already reached. In-process
 * memory: with several processes the cap multiplies, which still leaves guessing hopeless against
 * 191 million codes (see pairing-code.ts).
 */

export interface LimiterOptions {
  windowMs: number
  perKey: number
  total: number
  /** Keys remembered at most; the oldest windows are dropped first. */
  maxKeys?: number
}

interface Window {
  start: number
  count: number
}

export class AttemptLimiter {
  private readonly keys = new Map<string, Window>()
  private all: Window = { start: 0, count: 0 }

  constructor(private readonly opts: LimiterOptions) {}

  private current(w: Window | undefined, now: number): Window {
    return w && now - w.start < this.opts.windowMs ? w : { start: now, count: 0 }
  }

  /** May `key` try now? */
  allowed(key: string, now: number): boolean {
    const mine = this.current(this.keys.get(key), now)
    const all = this.current(this.all, now)
    return mine.count < this.opts.perKey && all.count < this.opts.total
  }

  /** Counts one wrong attempt by `key`. */
  fail(key: string, now: number): void {
    const mine = this.current(this.keys.get(key), now)
    mine.count++
    this.keys.delete(key) // re-insert: Map order is then oldest-first
    this.keys.set(key, mine)
    this.all = this.current(this.all, now)
    this.all.count++
    const max = this.opts.maxKeys ?? 10_000
    while (this.keys.size > max) {
      const oldest = this.keys.keys().next().value
      if (oldest === undefined) break
      this.keys.delete(oldest)
    }
  }
}

/** The process's limiter for pairing: 10 wrong codes per address and 100 in all per 10 minutes. */
export const pairingLimiter = new AttemptLimiter({ windowMs: 10 * 60_000, perKey: 10, total: 100 })
