'use client'

/*
 * A browser speaking HTTP/1.1 keeps at most six connections open to one server, for all its tabs
 * together, and an event stream holds one for as long as it is open. Seven streams (a cashier with a
 * few charge tabs, the station list with a mark per station) would leave every further request of
 * every tab — pages, server actions, the streams' own fallback polls — queued behind them for good.
 * So the tabs of one browser share STREAM_SLOTS streams; a screen that finds none free follows by
 * the plain 2 s poll instead (use-live-view.ts), and two connections always stay free.
 * Web Locks (secure contexts: HTTPS, localhost) hold a slot until released or the tab is gone; on a
 * plain-HTTP address they do not exist, and a lease renewed in localStorage stands in for them.
 */

export const STREAM_SLOTS = 4
const KEY = (i: number) => `cashier-stream-slot-${i}`
/** A lease outlives the timers of a hidden tab, which the browser may run only once a minute. */
const LEASE_MS = 90_000
const RENEW_MS = 20_000

export type Release = () => void

/** A stream slot of this browser, or null when all are taken. */
export function takeStreamSlot(): Promise<Release | null> {
  if (typeof navigator !== 'undefined' && navigator.locks) return viaLocks(0)
  return Promise.resolve(viaLease())
}

async function viaLocks(i: number): Promise<Release | null> {
  if (i >= STREAM_SLOTS) return null
  const release = await new Promise<Release | null>((resolve) => {
    void navigator.locks.request(KEY(i), { ifAvailable: true }, (lock) => {
      if (!lock) return resolve(null)
      // The lock is held until this promise settles: until the screen lets the stream go.
      return new Promise<void>((done) => resolve(() => done()))
    })
  })
  return release ?? viaLocks(i + 1)
}

type Lease = { owner: string; until: number }

function readLease(key: string): Lease | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as Lease | null
  } catch {
    return null
  }
}

function viaLease(): Release | null {
  let storage: Storage
  try {
    storage = localStorage
  } catch {
    // No storage at all (a locked-down browser): nothing to share the count through; stream.
    return () => {}
  }
  const owner = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  const write = (key: string) =>
    storage.setItem(key, JSON.stringify({ owner, until: Date.now() + LEASE_MS } satisfies Lease))
  for (let i = 0; i < STREAM_SLOTS; i++) {
    const key = KEY(i)
    const held = readLease(key)
    if (held && held.until > Date.now()) continue
    write(key)
    // Another tab may have written the same slot in the same moment: the last writer has it.
    if (readLease(key)?.owner !== owner) continue
    const renew = setInterval(() => write(key), RENEW_MS)
    const release = () => {
      clearInterval(renew)
      window.removeEventListener('pagehide', release)
      if (readLease(key)?.owner === owner) storage.removeItem(key)
    }
    window.addEventListener('pagehide', release)
    return release
  }
  return null
}
