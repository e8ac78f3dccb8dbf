import 'server-only'
import { sql } from 'kysely'
import pg from 'pg'
import { getDb } from '@/lib/db'
import { dbEnv } from '@/lib/env'
import { deliver, FEED_ORIGIN, resyncAll, setRemotePublisher, type FeedEvent } from './feed'

/*
 * The change feed across processes on PostgreSQL: each process keeps ONE connection that LISTENs,
 * and publishes with NOTIFY (pg_notify, on any pooled connection). A NOTIFY sent while the listening
 * connection is down is lost for this process, so after every reconnect all subscribers are told to
 * re-read (resyncAll) before anything new arrives: no screen is left on a missed state.
 */

export const FEED_CHANNEL = 'cashier_feed'
const RETRY_MIN_MS = 200
const RETRY_MAX_MS = 5_000

type Wire = FeedEvent & { o: string }

export interface PgFeed {
  /** Sends an event to every process (this one skips it: it has delivered it already). */
  notify(event: FeedEvent): Promise<void>
  /** The listening connection's backend pid (tests cut it), null while reconnecting. */
  listenerPid(): number | null
  /** Times the listener has (re)connected. */
  connects(): number
  stop(): Promise<void>
}

function parseWire(payload: string | undefined): Wire | null {
  try {
    const w = JSON.parse(payload ?? '') as Wire
    return w && typeof w.o === 'string' && (w.kind === 'charge' || w.kind === 'station') ? w : null
  } catch {
    return null
  }
}

/** Runs a statement on some pooled connection of the process (NOTIFY needs no dedicated one). */
export type SendNotify = (channel: string, payload: string) => Promise<void>

export function startPgFeed(
  connectionString: string,
  send: SendNotify,
  opts: { channel?: string; origin?: string } = {},
): PgFeed {
  const channel = opts.channel ?? FEED_CHANNEL
  // Tests run two "processes" in one: each with an origin of its own.
  const origin = opts.origin ?? FEED_ORIGIN
  let client: pg.Client | null = null
  let stopped = false
  let connects = 0
  let retry = RETRY_MIN_MS
  let timer: NodeJS.Timeout | undefined

  const reconnectLater = () => {
    if (stopped || timer) return
    timer = setTimeout(() => {
      timer = undefined
      void connect()
    }, retry)
    timer.unref()
    retry = Math.min(retry * 2, RETRY_MAX_MS)
  }

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString })
    c.on('notification', (msg) => {
      const w = parseWire(msg.payload)
      if (!w || w.o === origin) return
      delete (w as Partial<Wire>).o
      deliver(w)
    })
    const lost = () => {
      if (client === c) client = null
      c.removeAllListeners('error')
      c.on('error', () => {})
      void c.end().catch(() => {})
      reconnectLater()
    }
    c.on('error', (err) => {
      console.error('change feed: LISTEN connection lost:', err.message)
      lost()
    })
    c.on('end', lost)
    try {
      await c.connect()
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
    } catch (error) {
      console.error('change feed: cannot LISTEN:', (error as Error).message)
      lost()
      return
    }
    if (stopped) {
      await c.end().catch(() => {})
      return
    }
    client = c
    retry = RETRY_MIN_MS
    // Not on the first connect: nobody can have missed anything yet.
    if (connects++ > 0) resyncAll()
  }

  void connect()
  return {
    async notify(event) {
      const wire: Wire = { ...event, o: origin }
      await send(channel, JSON.stringify(wire))
    },
    listenerPid: () => (client as (pg.Client & { processID?: number }) | null)?.processID ?? null,
    connects: () => connects,
    async stop() {
      stopped = true
      clearTimeout(timer)
      const c = client
      client = null
      await c?.end().catch(() => {})
    },
  }
}

let running: PgFeed | null = null

/**
 * At start-up. On SQLite the cashier is one process and the in-process emitter is the whole feed;
 * on PostgreSQL every process also LISTENs, and publishes its events with NOTIFY.
 */
export function startFeed(): void {
  const { databaseUrl } = dbEnv()
  if (!databaseUrl || running) return
  const feed = startPgFeed(databaseUrl, async (channel, payload) => {
    await sql`select pg_notify(${channel}, ${payload})`.execute(getDb())
  })
  running = feed
  setRemotePublisher((event) => {
    // A lost NOTIFY is covered: the other processes' watchers still query DMS each interval.
    feed.notify(event).catch((error: Error) => console.error('change feed: NOTIFY failed', error))
  })
}
