'use client'

import { useEffect, useState } from 'react'
import type { SWRConfiguration } from 'swr'
import { useLiveView } from '@/components/live/use-live-view'
import type { DisplayState } from '@/lib/display/view'
import { expireShown, holdRemaining, nextShown, NOTHING_SHOWN, type Shown } from './screen-state'

const STATE_URL = '/api/display/state'
/** A request that hangs (a half-open connection) must not stop the polling. */
const REQUEST_TIMEOUT_MS = 8_000
const MAX_RETRY_MS = 5_000

class Unpaired extends Error {}

const TABLET_SWR: SWRConfiguration<DisplayState> = {
  refreshWhenHidden: true,
  // navigator.onLine says little on a shop LAN: keep asking the server itself.
  refreshWhenOffline: true,
  revalidateOnReconnect: true,
  // Off so that SWR's retry below also runs while the page is hidden.
  revalidateOnFocus: false,
  dedupingInterval: 500,
  keepPreviousData: true,
  shouldRetryOnError: (err) => !(err instanceof Unpaired),
  onErrorRetry: (_err, _key, _config, revalidate, { retryCount }) => {
    setTimeout(() => void revalidate({ retryCount }), Math.min(MAX_RETRY_MS, retryCount * 1_000))
  },
  onError(err) {
    if (err instanceof Unpaired) window.location.replace('/display')
  },
}

async function fetchState(url: string): Promise<DisplayState> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS)
  try {
    const res = await fetch(url, {
      cache: 'no-store',
      headers: { accept: 'application/json' },
      signal: abort.signal,
    })
    if (res.status === 401) throw new Unpaired('unpaired')
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    return (await res.json()) as DisplayState
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The tablet's loop, all day, unattended: subscribed to its station's state (pushed; a 2 s poll
 * when no stream can be held, components/live/use-live-view.ts).
 * - A failed poll is retried within a few seconds, forever (SWR pauses its interval while in
 *   error and would otherwise back off to many minutes, or stop while the page is hidden).
 * - 401: the credential was revoked: the page reloads into the pairing screen.
 * - A different build id (a deploy) or shop language: the page reloads itself.
 * Returns the state, what to show (with ended charges held a few seconds) and the time of the
 * last good answer (for the "reconnecting" mark), the server-clock offset for countdowns, and how
 * the state arrives (`connection`).
 */
export function useDisplayState(initial: DisplayState) {
  const [shown, setShown] = useState<Shown>(() =>
    nextShown(NOTHING_SHOWN, initial.charge, Date.now()),
  )
  const [lastOkAt, setLastOkAt] = useState(() => Date.now())
  const [offset, setOffset] = useState(() => initial.serverNow - Date.now())

  const { data, connection } = useLiveView<DisplayState>({
    url: STATE_URL,
    fetcher: fetchState,
    enabled: true,
    // Views are made on the server's clock: a later one is newer.
    isNewer: (next, current) => next.serverNow >= current.serverNow,
    onView(next) {
      if (next.buildId !== initial.buildId || next.locale !== initial.locale) {
        window.location.reload()
        return
      }
      const now = Date.now()
      setLastOkAt(now)
      setOffset(next.serverNow - now)
      setShown((prev) => nextShown(prev, next.charge, now))
    },
    swr: { ...TABLET_SWR, fallbackData: initial },
  })

  // A held stream is an answer too (pushes come only when something changes).
  useEffect(() => {
    if (connection !== 'live') return
    const timer = setInterval(() => setLastOkAt(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [connection])

  // Ends a hold on time even when no poll arrives (connection lost on the "paid" screen).
  useEffect(() => {
    const remaining = holdRemaining(shown, Date.now())
    if (remaining === null) return
    const timer = setTimeout(() => setShown((s) => expireShown(s, Date.now())), remaining + 20)
    return () => clearTimeout(timer)
  }, [shown])

  return { state: data ?? initial, charge: shown.charge, lastOkAt, offset, connection }
}
