import type { LowerBounds } from './lower-bounds'
import type { FanOutResult, SoakResult } from './push-fanout'
import { fmt, percentile, verdict } from './stats'

/*
 * How bench/push.ts prints the fan-out and the soak: every figure beside its target, and the bounds
 * a run must reach. RSS is a sawtooth here (the tablets' reads make garbage at a steady rate, and a
 * collection drops tens of MiB at once), so one sample says little: the soak compares the lowest
 * and the highest samples of its first and second halves after the warm-up.
 */

const P99_TARGET_MS = 300
const RSS_GROWTH_MB = 150

export const spread = (ms: number[]) =>
  `p50 ${fmt(percentile(ms, 50), 0)} ms, p95 ${fmt(percentile(ms, 95), 0)} ms, p99 ${fmt(percentile(ms, 99), 0)} ms, max ${fmt(Math.max(...ms), 0)} ms`

export function reportFanOut(
  fan: FanOutResult,
  at: { screens: number; tablets: number; changes: number; rssBefore: number; errors: number },
  bounds: LowerBounds,
): void {
  const all = [...fan.screenMs, ...fan.tabletMs]
  const p99 = percentile(all, 99)
  console.log(
    `1. fan-out: ${at.screens} cashier screens on the charge being paid + ${at.tablets} tablets, ${at.changes} charges paid (sandbox pay + signed notification)`,
  )
  console.log(`  cashier screens: ${spread(fan.screenMs)}`)
  console.log(`  tablets:         ${spread(fan.tabletMs)}`)
  console.log(
    `  all ${all.length} arrivals: ${spread(all)} (target p99 ≤ ${P99_TARGET_MS} ms: ${verdict(p99 <= P99_TARGET_MS)})`,
  )
  console.log(
    `  each change's slowest arrival: ${fan.slowestMs.map((ms) => fmt(ms, 0)).join(', ')} ms; app CPU ${fmt(fan.cpuShare * 100, 0)} % of a core over the part`,
  )
  console.log(`  errors ${at.errors} (target 0: ${verdict(at.errors === 0)})`)
  const [low, high] = [fan.rssLow - at.rssBefore, fan.rssPeak - at.rssBefore]
  console.log(
    `  app RSS ${fmt(at.rssBefore, 0)} MiB before the subscribers; with ${at.screens + at.tablets} connected, at each change ${fan.rssAt.map((m) => fmt(m, 0)).join(', ')} MiB: +${fmt(low, 0)} MiB at the lowest (target ≤ ${RSS_GROWTH_MB}: ${verdict(low <= RSS_GROWTH_MB)}), +${fmt(high, 0)} MiB at the highest (${verdict(high <= RSS_GROWTH_MB)})`,
  )
  bounds.exactly('1. cashier screens with their first view', fan.firstViews, fan.opened)
  bounds.exactly(
    '1. arrivals of paid (subscribers × changes)',
    all.length,
    (at.screens + at.tablets) * at.changes,
  )
  bounds.exactly('1. subscribers that missed a change', fan.missed, 0)
}

const lowest = (s: [number, number][]) => Math.min(...s.map(([, m]) => m))
const highest = (s: [number, number][]) => Math.max(...s.map(([, m]) => m))

export function reportSoak(
  soaked: SoakResult,
  at: { seconds: number; errors: number; heartbeats: number; ends: number },
): void {
  const warmUp = Math.min(60, at.seconds / 4)
  const after = soaked.rss.filter(([t]) => t >= warmUp)
  const samples = after.length >= 2 ? after : soaked.rss
  const half = Math.ceil(samples.length / 2)
  const [first, second] = [samples.slice(0, half), samples.slice(half)]
  const [f0, f1, p0, p1] = [lowest(first), lowest(second), highest(first), highest(second)]
  console.log(
    `  ${soaked.changes} changes; tablets payment → paid ${spread(soaked.tabletMs)}; missed ${soaked.missed}; app CPU ${fmt(soaked.cpuShare * 100, 0)} % of a core`,
  )
  console.log(
    `  changes whose slowest tablet took over 1 s [s into the soak:ms]: ${soaked.slow.map(([t, ms]) => `${t}:${ms}`).join(' ') || 'none'} (streams reconnect at their 5-min lifetime)`,
  )
  console.log(
    `  stream errors ${at.errors} (target 0: ${verdict(at.errors === 0)}); heartbeats ${at.heartbeats}; streams the server ended at their lifetime (5 min) and that reconnected ${at.ends}`,
  )
  console.log(
    `  app RSS after ${fmt(warmUp, 0)} s warm-up, first half vs second half: lowest ${fmt(f0, 0)} → ${fmt(f1, 0)} MiB (within 15 %: ${verdict(f1 <= f0 * 1.15)}), highest ${fmt(p0, 0)} → ${fmt(p1, 0)} MiB (within 15 %: ${verdict(p1 <= p0 * 1.15)})`,
  )
  console.log(`  samples [s:MiB]: ${soaked.rss.map(([t, m]) => `${t}:${fmt(m, 0)}`).join(' ')}`)
}
