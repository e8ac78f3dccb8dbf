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
  /** What went wrong, by kind (an HTTP status or the error's code), so a red run says why. */
  errorKinds: Record<string, number>
  /** GETs sent again after meeting a kept-alive connection the server had closed. */
  retried: number
}

/** A GET that failed on a kept-alive socket the server had just closed: nothing reached it. */
class StaleSocket extends Error {}

function get(url: URL, headers: Record<string, string>, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers, timeout: 10_000 }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (error: NodeJS.ErrnoException) => {
      const stale = req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')
      reject(stale ? new StaleSocket(error.code) : error)
    })
    req.end()
  })
}

/*
 * As a browser does: an idle kept-alive connection can be closed by the server just as a request
 * is written to it, and a GET that met such a connection before any answer is sent once more on a
 * fresh one (Node's documentation for `request.reusedSocket` gives the same rule). Counted apart.
 */
async function getOnce(
  url: URL,
  headers: Record<string, string>,
  agent: Agent,
  retried: () => void,
) {
  try {
    return await get(url, headers, agent)
  } catch (error) {
    if (!(error instanceof StaleSocket)) throw error
    retried()
    return get(url, headers, agent)
  }
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
  const result: PacedResult = { latenciesMs: [], errors: 0, errorKinds: {}, retried: 0 }
  const failed = (kind: string) => {
    result.errors++
    result.errorKinds[kind] = (result.errorKinds[kind] ?? 0) + 1
  }
  const end = performance.now() + opts.seconds * 1_000
  const poller = async () => {
    let next = performance.now() + Math.random() * interval
    for (;;) {
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())))
      if (performance.now() >= end) return
      const t0 = performance.now()
      try {
        const status = await getOnce(url, opts.headers, agent, () => result.retried++)
        if (status < 200 || status >= 300) failed(`HTTP ${status}`)
      } catch (error) {
        const e = error as NodeJS.ErrnoException
        failed(e.code ?? e.message)
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
