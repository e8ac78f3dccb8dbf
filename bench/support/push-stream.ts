import http from 'node:http'

/*
 * One screen's subscription reduced to the wire: a GET of an SSE route with the screen's cookie over
 * plain node:http (its own socket, `agent: false`, so a thousand of them are not queued behind the
 * global agent's pool), read as EventSource does. It keeps only the last view and when it came, so a
 * thousand streams held through a long soak cost the benchmark little. Like the browser it
 * reconnects after the server's `retry:` delay when the server ends the stream (each ends after its
 * lifetime, lib/feed/sse.ts); an answer that is not 200 or a broken socket counts as an error.
 */

export interface StreamStats {
  views: number
  heartbeats: number
  /** Connections answered 200 (the first one included). */
  connects: number
  /** Streams the server ended cleanly (its lifetime), each followed by a reconnect. */
  ends: number
  errors: number
  lastError: string | null
}

/** A stream's counts before it has heard anything; also the start of a sum over streams. */
export const noStats = (): StreamStats => ({
  views: 0,
  heartbeats: 0,
  connects: 0,
  ends: 0,
  errors: 0,
  lastError: null,
})

/** Adds `s` into `into` (the last error seen wins). */
export const addStats = (into: StreamStats, s: StreamStats) => {
  into.views += s.views
  into.heartbeats += s.heartbeats
  into.connects += s.connects
  into.ends += s.ends
  into.errors += s.errors
  into.lastError = s.lastError ?? into.lastError
}

type Match = (view: unknown) => boolean

export class PushStream {
  readonly stats: StreamStats = noStats()
  last: unknown = undefined
  /** performance.now() of the first view of the current wait that matched it. */
  hitAt: number | null = null
  private match: Match | null = null
  private req: http.ClientRequest | null = null
  private retryMs = 1_000
  private stopped = false
  private firstView: (() => void) | null = null
  /** Until the first view: a failure rejects open() instead of reconnecting. */
  private refused: ((why: string) => void) | null = null

  constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  /** Connects; resolves with the first view (the current state), rejects on a refused answer. */
  open(timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.close()
        reject(new Error(`no first view in ${timeoutMs} ms`))
      }, timeoutMs)
      this.firstView = () => {
        clearTimeout(timer)
        this.refused = null
        resolve()
      }
      this.refused = (why) => {
        clearTimeout(timer)
        this.stopped = true
        reject(new Error(why))
      }
      this.connect()
    })
  }

  /** From now on, note when a view matching `match` arrives (at once if the last one does). */
  expect(match: Match): void {
    this.match = match
    this.hitAt = this.last !== undefined && match(this.last) ? performance.now() : null
  }

  close(): void {
    this.stopped = true
    this.req?.destroy()
    this.req = null
  }

  private connect(): void {
    if (this.stopped) return
    const req = http.get(this.url, {
      agent: false,
      headers: { cookie: this.cookie, accept: 'text/event-stream' },
    })
    this.req = req
    // A broken socket may be reported by both the request and the answer: one retry per connection.
    let over = false
    const fail = (why: string) => {
      if (over || this.stopped) return
      over = true
      req.destroy()
      this.stats.errors++
      this.stats.lastError = why
      if (this.refused) return this.refused(why)
      setTimeout(() => this.connect(), this.retryMs)
    }
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume()
        return fail(`HTTP ${res.statusCode}`)
      }
      this.stats.connects++
      res.setEncoding('utf8')
      let buffer = ''
      res.on('data', (chunk: string) => {
        buffer += chunk
        let cut: number
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          this.onEvent(buffer.slice(0, cut))
          buffer = buffer.slice(cut + 2)
        }
      })
      res.on('end', () => {
        if (over || this.stopped) return
        over = true
        this.stats.ends++
        setTimeout(() => this.connect(), this.retryMs)
      })
      res.on('error', (e) => fail(e.message))
      res.on('close', () => {
        if (!res.complete) fail('closed before its end')
      })
    })
    req.on('error', (e) => fail(e.message))
  }

  private onEvent(block: string): void {
    let name = 'message'
    let data = ''
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim()
      else if (line.startsWith('data:')) data += line.slice(5).trimStart()
      else if (line.startsWith('retry:')) this.retryMs = Number(line.slice(6)) || this.retryMs
    }
    if (name === 'hb') {
      this.stats.heartbeats++
      return
    }
    if (!data) return
    let view: unknown
    try {
      view = JSON.parse(data)
    } catch {
      this.stats.errors++
      this.stats.lastError = `not JSON: ${data.slice(0, 60)}`
      return
    }
    this.stats.views++
    this.last = view
    if (this.match && this.hitAt === null && this.match(view)) this.hitAt = performance.now()
    const first = this.firstView
    this.firstView = null
    first?.()
  }
}
