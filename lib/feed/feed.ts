import 'server-only'
import { AsyncLocalStorage } from 'node:async_hooks'
import { EventEmitter } from 'node:events'
import { randomBytes } from 'node:crypto'
import { processWide } from '@/lib/server/process-wide'

/*
 * The change feed: whenever a charge or a station's display state changes, one event with ids and a
 * version — never data; a listener re-reads what it is told about. In one process it is this
 * emitter. With PostgreSQL the same event also goes out as a NOTIFY (lib/feed/pg-feed.ts), and each
 * process's one listening connection hands the events of the others to its own emitter.
 */

export type FeedEvent =
  | { kind: 'charge'; id: string; stationId: string; version: number }
  | { kind: 'station'; stationId: string }

/** What a subscriber hears: an event of its topic, or "re-read everything" after a lost feed. */
export type FeedSignal = FeedEvent | { kind: 'resync' }

/** This process, so a listener can skip its own events coming back from PostgreSQL. */
export const FEED_ORIGIN = processWide('feed-origin', () => randomBytes(6).toString('hex'))

const RESYNC = 'resync'

type Remote = (event: FeedEvent) => void

/*
 * One feed per process, on globalThis: under `next start` the server bundles this module more than
 * once (instrumentation, each route handler's and page's bundle get a copy). With state per copy, a
 * change published by one bundle (a notification, the sweep) never reached a screen subscribed
 * through another, and on PostgreSQL only instrumentation's copy had the NOTIFY publisher.
 */
interface FeedState {
  emitter: EventEmitter
  open: number
  remote: Remote | null
}
const state = processWide<FeedState>('feed', () => {
  const emitter = new EventEmitter()
  // One listener per open screen: thousands is the expected case, not a leak.
  emitter.setMaxListeners(0)
  return { emitter, open: 0, remote: null }
})
const emitter = state.emitter

export const chargeTopic = (id: string) => `charge:${id}`
export const stationTopic = (id: string) => `station:${id}`
/** Every charge's changes (the manager's attention badge). */
export const ALL_CHARGES_TOPIC = 'charges'

/** Hands an event to this process's subscribers. */
export function deliver(event: FeedEvent): void {
  if (event.kind === 'charge') {
    emitter.emit(chargeTopic(event.id), event)
    emitter.emit(stationTopic(event.stationId), event)
    emitter.emit(ALL_CHARGES_TOPIC, event)
  } else {
    emitter.emit(stationTopic(event.stationId), event)
  }
}

/** Tells every subscriber to re-read: events may have been missed (a dropped LISTEN connection). */
export function resyncAll(): void {
  emitter.emit(RESYNC, { kind: 'resync' })
}

/**
 * The events held by holdingPublishes in the current async context, if any. `open` until its work
 * is over: the store follows timers and promises the work started, and what they publish later is
 * no longer held (its events were handed over already, or never will be).
 */
interface Held {
  events: FeedEvent[]
  open: boolean
}
const held = processWide('feed-held', () => new AsyncLocalStorage<Held>())

/**
 * Publishes a change: to this process at once, and to the others when a remote feed is set; inside
 * holdingPublishes, once its caller lets them go.
 */
export function publish(event: FeedEvent): void {
  const holding = held.getStore()
  if (holding?.open) {
    holding.events.push(event)
    return
  }
  deliver(event)
  state.remote?.(event)
}

/**
 * Runs `fn` with the events it publishes held, then hands their sending to `later` (e.g. after the
 * request's answer is sent: the screens' re-reads then no longer run in the middle of it). They are
 * sent whether `fn` succeeds or throws: what was stored is never kept from the screens.
 */
export async function holdingPublishes<T>(
  fn: () => Promise<T>,
  later: (send: () => void) => void,
): Promise<T> {
  const hold: Held = { events: [], open: true }
  try {
    return await held.run(hold, fn)
  } finally {
    hold.open = false
    const { events } = hold
    if (events.length > 0) later(() => events.forEach((e) => held.exit(() => publish(e))))
  }
}

/** Set at start-up on PostgreSQL: also sends each published event to the other processes. */
export function setRemotePublisher(send: Remote | null): void {
  state.remote = send
}

/** Subscribes to one topic (and to resyncs). Returns the unsubscribe; calling it twice is harmless. */
export function subscribe(topic: string, listener: (signal: FeedSignal) => void): () => void {
  emitter.on(topic, listener)
  emitter.on(RESYNC, listener)
  state.open++
  let done = false
  return () => {
    if (done) return
    done = true
    state.open--
    emitter.off(topic, listener)
    emitter.off(RESYNC, listener)
  }
}

/** Subscriptions currently held (screens connected to this process): back to 0 when all have left. */
export function openSubscriptions(): number {
  return state.open
}
