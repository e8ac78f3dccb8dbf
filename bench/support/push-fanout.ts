import { Crowd } from './push-crowd'
import { cpuMs, rssMiB } from './proc'
import { addStats, noStats, type StreamStats } from './push-stream'
import {
  chargeIs,
  chargeStreamUrl,
  newCharge,
  tabletShows,
  type OpenCharge,
  type Shop,
} from './push-shop'
import { sleep } from '@/tests/support/wait'

/*
 * The two parts of bench/push.ts with a crowd of subscribers on one process:
 *  - fanOut: per change, a new charge with `screens` cashier screens subscribed to it, plus the
 *    tablets (held open throughout, all on the charge's station); the sandbox pays it and its signed
 *    notification arrives; each subscriber is timed from the payment to its view showing paid.
 *  - soak: the tablets and `screens` cashier screens on an idle open charge held open, a charge paid
 *    every `everyMs`, the app's RSS sampled every 10 s.
 */

/** How long a subscriber may take to see a change before it counts as missed. */
const ARRIVAL_TIMEOUT_MS = 15_000

export interface FanOutResult {
  /** ms from the payment to the paid view, per subscriber and change. */
  screenMs: number[]
  tabletMs: number[]
  /** Each change's slowest arrival, to tell one slow change (a pause) from a slow spread. */
  slowestMs: number[]
  /** Subscribers that did not see a change within ARRIVAL_TIMEOUT_MS, over all changes. */
  missed: number
  /** Cashier screens opened over all changes, and those that got their first view. */
  opened: number
  firstViews: number
  refused: number
  /** App RSS with every subscriber connected, after each change; its lowest and highest. */
  rssAt: number[]
  rssLow: number
  rssPeak: number
  /** The app's CPU time over the part, as a share of one core. */
  cpuShare: number
  /** Totals of the cashier screens' streams (closed after each change). */
  stats: StreamStats
}

export async function fanOut(
  shop: Shop,
  tablets: Crowd,
  screens: number,
  changes: number,
  stamp: string,
): Promise<FanOutResult> {
  const r: FanOutResult = {
    screenMs: [],
    tabletMs: [],
    slowestMs: [],
    missed: 0,
    opened: 0,
    firstViews: 0,
    refused: 0,
    rssAt: [],
    rssLow: 0,
    rssPeak: 0,
    cpuShare: 0,
    stats: noStats(),
  }
  const [wall0, cpu0] = [performance.now(), cpuMs(shop.pid)]
  for (let i = 0; i < changes; i++) {
    const charge = await newCharge(shop, `PUSH-${stamp}-${i}`)
    const crowd = new Crowd()
    r.refused += await crowd.open(chargeStreamUrl(shop.baseUrl, charge.id), shop.cookie, screens)
    r.opened += screens
    r.firstViews += crowd.withFirstView
    // The tablets move to the new charge first (the create's change; not the one timed).
    tablets.expect(tabletShows(charge.bill, 'pending'))
    await tablets.arrival(performance.now(), ARRIVAL_TIMEOUT_MS)
    crowd.expect(chargeIs('paid'))
    tablets.expect(tabletShows(charge.bill, 'paid'))
    const t0 = performance.now()
    await shop.sandbox.pay(charge.bizOrderNo)
    const [s, t] = await Promise.all([
      crowd.arrival(t0, ARRIVAL_TIMEOUT_MS),
      tablets.arrival(t0, ARRIVAL_TIMEOUT_MS),
    ])
    r.rssAt.push(rssMiB(shop.pid))
    r.screenMs.push(...s.latenciesMs)
    r.tabletMs.push(...t.latenciesMs)
    r.slowestMs.push(Math.max(...s.latenciesMs, ...t.latenciesMs))
    r.missed += s.missed + t.missed
    addStats(r.stats, crowd.totals())
    crowd.close()
  }
  r.cpuShare = (cpuMs(shop.pid) - cpu0) / (performance.now() - wall0)
  r.rssLow = Math.min(...r.rssAt)
  r.rssPeak = Math.max(...r.rssAt)
  return r
}

export interface SoakResult {
  changes: number
  tabletMs: number[]
  missed: number
  /** [seconds since the start, RSS MiB], every 10 s. */
  rss: [number, number][]
  /** [seconds since the start, ms] of each change whose slowest tablet took over 1 s. */
  slow: [number, number][]
  cpuShare: number
}

/** Runs for `seconds` (the caller holds its subscribers open), paying a new charge every `everyMs`. */
export async function soak(
  shop: Shop,
  tablets: Crowd,
  seconds: number,
  everyMs: number,
  stamp: string,
): Promise<SoakResult> {
  const r: SoakResult = { changes: 0, tabletMs: [], missed: 0, rss: [], slow: [], cpuShare: 0 }
  const start = performance.now()
  const cpu0 = cpuMs(shop.pid)
  const elapsed = () => (performance.now() - start) / 1000
  r.rss.push([0, rssMiB(shop.pid)])
  const sampler = setInterval(() => r.rss.push([Math.round(elapsed()), rssMiB(shop.pid)]), 10_000)
  try {
    while (elapsed() < seconds) {
      const cycle = performance.now()
      const charge: OpenCharge = await newCharge(shop, `SOAK-${stamp}-${r.changes}`)
      tablets.expect(tabletShows(charge.bill, 'paid'))
      const t0 = performance.now()
      await shop.sandbox.pay(charge.bizOrderNo)
      const t = await tablets.arrival(t0, ARRIVAL_TIMEOUT_MS)
      r.changes++
      r.tabletMs.push(...t.latenciesMs)
      r.missed += t.missed
      const slowest = Math.max(...t.latenciesMs)
      if (slowest > 1_000) r.slow.push([Math.round(elapsed()), Math.round(slowest)])
      const rest = everyMs - (performance.now() - cycle)
      if (rest > 0) await sleep(Math.min(rest, Math.max(0, seconds - elapsed()) * 1000))
    }
  } finally {
    clearInterval(sampler)
  }
  r.rss.push([Math.round(elapsed()), rssMiB(shop.pid)])
  r.cpuShare = (cpuMs(shop.pid) - cpu0) / (performance.now() - start)
  return r
}
