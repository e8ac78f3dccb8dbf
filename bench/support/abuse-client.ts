import { Agent, request, type IncomingHttpHeaders } from 'node:http'
import { percentile } from './stats'

/*
 * A plain HTTP client for the abuse benchmark: it can send from another loopback address
 * (127.0.0.2 is "the attacker", 127.0.0.1 the shop), stream a body of any size without holding it,
 * and time what it gets back. fetch cannot choose its source address.
 */

export interface Answer {
  status: number | 'reset'
  headers: IncomingHttpHeaders
  text: string
  /** Request bytes written before the answer (or the reset) came. */
  sent: number
  ms: number
}

export interface Ask {
  method?: string
  headers?: Record<string, string | number>
  body?: string
  /** Streams this many bytes of filler instead of `body` (never held in memory). */
  streamBytes?: number
  localAddress?: string
  agent?: Agent
}

const CHUNK = Buffer.alloc(64 * 1024, 97)

export function ask(url: string, opts: Ask = {}): Promise<Answer> {
  const t0 = performance.now()
  return new Promise((resolve) => {
    let sent = 0
    let settled = false
    const done = (a: Omit<Answer, 'sent' | 'ms'>) => {
      if (settled) return
      settled = true
      resolve({ ...a, sent, ms: performance.now() - t0 })
    }
    const req = request(url, {
      method: opts.method ?? 'GET',
      headers: opts.headers,
      localAddress: opts.localAddress,
      agent: opts.agent,
    })
    req.on('response', (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (text += d.slice(0, 4096 - text.length)))
      res.on('end', () => {
        done({ status: res.statusCode ?? 0, headers: res.headers, text })
        // A refused upload: stop sending the rest.
        if (opts.streamBytes) req.destroy()
      })
    })
    req.on('error', () => done({ status: 'reset', headers: {}, text: '' }))
    if (opts.streamBytes) {
      const total = opts.streamBytes
      const pump = () => {
        while (sent < total && !settled) {
          sent += CHUNK.length
          if (!req.write(CHUNK)) return void req.once('drain', pump)
        }
        req.end()
      }
      pump()
    } else {
      if (opts.body !== undefined) {
        req.write(opts.body)
        sent = Buffer.byteLength(opts.body)
      }
      req.end()
    }
  })
}

/** Runs `fn(0…count-1)` with at most `concurrency` at a time. */
export async function inPool<T>(
  count: number,
  concurrency: number,
  fn: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = new Array(count)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      out[i] = await fn(i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  return out
}

export interface ProbeFigures {
  samples: number
  errors: number
  p50: number
  p99: number
  max: number
}

/** A screen asking for a status every `everyMs` (one at a time, keep-alive), timed. */
export function statusProbe(url: string, cookie: string, everyMs = 50) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const ms: number[] = []
  let errors = 0
  let running = true
  const loop = (async () => {
    while (running) {
      const started = performance.now()
      const a = await ask(url, { headers: { cookie }, agent })
      if (a.status === 200) ms.push(a.ms)
      else errors++
      const wait = everyMs - (performance.now() - started)
      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    }
  })()
  return {
    async stop(): Promise<ProbeFigures> {
      running = false
      await loop
      agent.destroy()
      return {
        samples: ms.length,
        errors,
        p50: percentile(ms, 50),
        p99: percentile(ms, 99),
        max: Math.max(...ms),
      }
    },
  }
}

/** Auth.js's CSRF token and its cookie, as a browser gets them before signing in. */
export async function csrfFor(base: string, localAddress?: string) {
  const a = await ask(`${base}/api/auth/csrf`, { localAddress })
  const cookie = (a.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')
  return { cookie, token: (JSON.parse(a.text) as { csrfToken: string }).csrfToken }
}

/** One sign-in at Auth.js's endpoint; the outcome from where it sends the browser. */
export async function signInOnce(
  base: string,
  csrf: { cookie: string; token: string },
  username: string,
  password: string,
  opts: { localAddress?: string; forwardedFor?: string } = {},
): Promise<'signed-in' | 'invalid' | 'blocked' | string> {
  const body = new URLSearchParams({ csrfToken: csrf.token, username, password, callbackUrl: '/' })
  const a = await ask(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    localAddress: opts.localAddress,
    headers: {
      cookie: csrf.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      ...(opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {}),
    },
    body: body.toString(),
  })
  const location = String(a.headers.location ?? '')
  if (/code=blocked/.test(location)) return 'blocked'
  if (/code=invalid/.test(location)) return 'invalid'
  if (a.status === 302 && !/error=/.test(location)) return 'signed-in'
  return `HTTP ${a.status} ${location}`
}
