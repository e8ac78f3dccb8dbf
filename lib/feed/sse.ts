import 'server-only'
import { processWide } from '@/lib/server/process-wide'
import { subscribe, type FeedSignal } from './feed'

/*
 * A screen's subscription as a Server-Sent Events answer from an ordinary route handler. The
 * current state goes first (a (re)connecting screen never starts from a stale one), then again each
 * time the feed says something it watches changed — re-read here, the event itself carries no data.
 * A heartbeat event every HEARTBEAT_MS keeps idle connections open through proxies and NATs. The
 * credential the stream was opened with (a staff session and its permission, a tablet's pairing) is
 * asked again before every read after the first: a user signed out, disabled or moved to a role
 * without the permission, or a revoked tablet, gets nothing more and the stream ends (its
 * reconnect is refused). A stream also ends after LIFETIME_MS (the browser reconnects at once).
 * Whatever way the client leaves, everything it held is released.
 */

const HEARTBEAT_MS = 15_000
const LIFETIME_MS = 5 * 60_000
/**
 * Each stream's lifetime is LIFETIME_MS ± this share, drawn at random: screens that connected in
 * the same second (a restart, a shop opening) would otherwise all reconnect in the same second too,
 * every five minutes, for good (measured: 1,000 streams reconnecting together, bench/push.ts).
 */
const LIFETIME_SPREAD = 0.2
/** The browser's reconnect delay after a dropped stream. */
const RETRY_MS = 1_000

/** Headers that keep every hop from buffering or compressing the stream. */
export const SSE_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
}

/** Why a read happens: the opener's first read, a feed event, or the stream's own tick. */
type Cause = FeedSignal | 'start' | 'tick'

/** What to send now: a view, nothing (`null`: unchanged or not yet), or `'end'` to close. */
export type ReadResult = unknown | null | 'end'

export interface StreamOptions {
  /** Aborts when the client goes away. */
  signal: AbortSignal
  /** Feed topics whose events mean "read again". */
  topics: readonly string[]
  read: (cause: Cause) => Promise<ReadResult>
  /**
   * Whether the stream's credential still holds, asked before every read but the first (the opener
   * has just checked it); false ends the stream. Required: every stream says who may keep it.
   */
  recheck: () => Promise<boolean>
  /** Also read this often (e.g. the tablet's heartbeat); default: only on events. */
  tickMs?: number
  /** Runs once when the stream ends, however it ends. */
  onClose?: () => void
  headers?: Headers
}

// On globalThis: endAllStreams runs from instrumentation's copy of this module (lib/server/start.ts)
// and the streams are opened by the route handlers' copies (see lib/feed/feed.ts).
const streams = processWide('sse-streams', () => ({
  open: new Set<() => void>(),
  shuttingDown: false,
}))
const openStreams = streams.open

/**
 * Ends every open stream: at shutdown (lib/server/start.ts). `next start` stops on SIGTERM only
 * once every request has finished, and a stream would otherwise hold it for minutes. The browsers
 * reconnect to whichever server answers next.
 */
export function endAllStreams(): void {
  // A browser may ask again on a connection still open; from now on it is sent away at once.
  streams.shuttingDown = true
  for (const close of [...openStreams]) close()
}

export function sseResponse(opts: StreamOptions): Response {
  if (streams.shuttingDown) {
    opts.onClose?.()
    return new Response(null, { status: 503, headers: { 'retry-after': '1' } })
  }
  const encoder = new TextEncoder()
  let closed = false
  let reading = false
  let pending: Cause | null = null
  const cleanups: (() => void)[] = []
  let ctrl!: ReadableStreamDefaultController<Uint8Array>

  const send = (text: string) => {
    if (closed) return
    try {
      ctrl.enqueue(encoder.encode(text))
    } catch {
      close()
    }
  }
  function close() {
    if (closed) return
    closed = true
    openStreams.delete(close)
    for (const c of cleanups) c()
    opts.onClose?.()
    try {
      ctrl.close()
    } catch {
      // Already cancelled by the client.
    }
  }
  // One read at a time; events arriving meanwhile fold into one more read after it, told the
  // latest of them (never 'start' again: a reader may treat the first read as the opener's).
  async function read(cause: Cause) {
    if (closed) return
    if (reading) {
      pending = cause
      return
    }
    reading = true
    let next: Cause | null = cause
    try {
      while (next && !closed) {
        const now: Cause = next
        pending = null
        // The opener checked the credential just before the first read; every later one asks again.
        if (now !== 'start' && !(await opts.recheck())) return close()
        const view = await opts.read(now)
        if (view === 'end') return close()
        if (view !== null) send(`data: ${JSON.stringify(view)}\n\n`)
        next = pending
      }
    } catch (error) {
      console.error('stream read failed', error)
      close()
    } finally {
      reading = false
    }
  }

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      ctrl = controller
      openStreams.add(close)
      send(`retry: ${RETRY_MS}\n\n`)
      for (const topic of opts.topics) cleanups.push(subscribe(topic, (s) => void read(s)))
      // A named event, not a comment: the browser's watchdog can hear it (use-live-view.ts).
      const beat = setInterval(() => send('event: hb\ndata: 1\n\n'), HEARTBEAT_MS)
      const lifetime = LIFETIME_MS * (1 - LIFETIME_SPREAD + 2 * LIFETIME_SPREAD * Math.random())
      const end = setTimeout(close, lifetime)
      cleanups.push(
        () => clearInterval(beat),
        () => clearTimeout(end),
      )
      if (opts.tickMs) {
        const tick = setInterval(() => void read('tick'), opts.tickMs)
        cleanups.push(() => clearInterval(tick))
      }
      if (opts.signal.aborted) return close()
      opts.signal.addEventListener('abort', close, { once: true })
      cleanups.push(() => opts.signal.removeEventListener('abort', close))
      void read('start')
    },
    cancel() {
      close()
    },
  })
  const headers = new Headers(opts.headers)
  for (const [k, v] of Object.entries(SSE_HEADERS)) headers.set(k, v)
  return new Response(stream, { headers })
}
