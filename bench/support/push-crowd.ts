import { sleep } from '@/tests/support/wait'
import { addStats, noStats, PushStream, type StreamStats } from './push-stream'

/*
 * Many screens subscribed at once (bench/push.ts): opened a few dozen at a time, as a shop's screens
 * come up over some seconds rather than in one SYN burst; each must have received its first view
 * (the current state) before the crowd counts as open. A change is then timed per screen from the
 * moment it was made to the first view showing it.
 */

const OPENING_AT_ONCE = 50

export interface Arrival {
  /** Per screen that saw the change: ms from the trigger to the view showing it. */
  latenciesMs: number[]
  /** Screens that had not seen it when the wait ended. */
  missed: number
}

export class Crowd {
  readonly streams: PushStream[] = []
  readonly refusals: string[] = []

  /**
   * Opens `count` streams of `url`; resolves once each has its first view or was refused. Returns
   * the refusals (their first error is kept in `refusals`); a refused stream is not kept.
   */
  async open(url: string, cookie: string, count: number): Promise<number> {
    let refused = 0
    for (let i = 0; i < count; i += OPENING_AT_ONCE) {
      const batch = Array.from(
        { length: Math.min(OPENING_AT_ONCE, count - i) },
        () => new PushStream(url, cookie),
      )
      const results = await Promise.allSettled(batch.map((s) => s.open()))
      results.forEach((r, j) => {
        if (r.status === 'fulfilled') return void this.streams.push(batch[j]!)
        refused++
        this.refusals.push(String(r.reason))
      })
    }
    return refused
  }

  /** Screens that have received at least one view. */
  get withFirstView(): number {
    return this.streams.filter((s) => s.stats.views > 0).length
  }

  expect(match: (view: unknown) => boolean): void {
    for (const s of this.streams) s.expect(match)
  }

  /** Waits until every stream saw what it expects (or `timeoutMs`); times from `t0`. */
  async arrival(t0: number, timeoutMs: number): Promise<Arrival> {
    const deadline = performance.now() + timeoutMs
    while (performance.now() < deadline && this.streams.some((s) => s.hitAt === null)) {
      await sleep(10)
    }
    const hits = this.streams.filter((s) => s.hitAt !== null)
    return {
      latenciesMs: hits.map((s) => Math.max(0, s.hitAt! - t0)),
      missed: this.streams.length - hits.length,
    }
  }

  totals(): StreamStats {
    const t = noStats()
    for (const s of this.streams) addStats(t, s.stats)
    return t
  }

  /** Streams that have heard at least one heartbeat. */
  get withHeartbeat(): number {
    return this.streams.filter((s) => s.stats.heartbeats > 0).length
  }

  close(): void {
    for (const s of this.streams) s.close()
    this.streams.length = 0
  }
}
