import { Agent, request } from 'node:http'

/*
 * Screens as they really poll: each asks once per interval on a keep-alive connection of its own,
 * starting at a random moment of the first interval (screens are switched on at different times,
 * so their polls do not fall on the same millisecond). autocannon's per-connection rate fires every
 * connection in the same instant each second, a burst no shop produces.
 */

export interface PacedResult {
  latenciesMs: number[]
  errors: number
}

function get(url: URL, headers: Record<string, string>, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers, timeout: 10_000 }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end()
  })
}

export async function pacedPollers(opts: {
  url: string
  headers: Record<string, string>
  pollers: number
  seconds: number
  intervalMs?: number
}): Promise<PacedResult> {
  const interval = opts.intervalMs ?? 1_000
  const url = new URL(opts.url)
  const agent = new Agent({ keepAlive: true, maxSockets: opts.pollers })
  const result: PacedResult = { latenciesMs: [], errors: 0 }
  const end = performance.now() + opts.seconds * 1_000
  const poller = async () => {
    let next = performance.now() + Math.random() * interval
    for (;;) {
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())))
      if (performance.now() >= end) return
      const t0 = performance.now()
      try {
        const status = await get(url, opts.headers, agent)
        if (status < 200 || status >= 300) result.errors++
      } catch {
        result.errors++
      }
      result.latenciesMs.push(performance.now() - t0)
      next += interval
    }
  }
  try {
    await Promise.all(Array.from({ length: opts.pollers }, poller))
  } finally {
    agent.destroy()
  }
  return result
}
