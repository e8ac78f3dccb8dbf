import { percentile } from './stats'

/*
 * How responsive a server stays while it does something heavy: GETs `url` one after another, every
 * `everyMs`, until stopped. A server whose event loop is blocked answers late, whatever the route.
 */
export function probeLatency(url: string, everyMs = 50) {
  const times: number[] = []
  let running = true
  const loop = (async () => {
    while (running) {
      const t0 = performance.now()
      await fetch(url).then((r) => r.arrayBuffer())
      times.push(performance.now() - t0)
      await new Promise((r) => setTimeout(r, everyMs))
    }
  })()
  return {
    async stop() {
      running = false
      await loop
      return { count: times.length, p95: percentile(times, 95), max: Math.max(...times) }
    },
  }
}
