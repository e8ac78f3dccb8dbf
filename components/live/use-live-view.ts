'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import useSWR, { type SWRConfiguration } from 'swr'
import { takeStreamSlot, type Release } from './stream-slots'

/*
 * How a screen subscribes (docs/conventions.md): SWR holds the view; an EventSource on the
 * resource's `/events` route (Server-Sent Events from a route handler) feeds every pushed view into
 * SWR's cache with `mutate`, so components read one `data` whichever way it came. When the stream
 * cannot be held — nothing arrives within FIRST_EVENT_MS (a buffering proxy holds it back), or it
 * fails STREAM_ERRORS times in a row, or the server refuses it — the hook falls back by itself to a
 * plain poll every POLL_MS and tries the stream again after RETRY_STREAM_MS.
 */

/**
 * 'live': pushed; 'polling': the 2 s fallback is answering; 'offline': the browser lost its network,
 * or the stream broke and the server did not answer the request that checked.
 */
export type Connection = 'live' | 'polling' | 'offline'

const POLL_MS = 2_000
const FIRST_EVENT_MS = 4_000
const STREAM_ERRORS = 3
const RETRY_STREAM_MS = 60_000
/** The server sends a heartbeat every 15 s (lib/feed/sse.ts): silence this long is a dead stream. */
const SILENT_MS = 40_000

export interface LiveViewOptions<T> {
  /** The plain GET (first load, fallback poll); its events route is `${url}/events`. */
  url: string
  fetcher: (url: string) => Promise<T>
  /** False: no stream and no polling (e.g. for the latest view: a charge that has ended). */
  enabled: boolean | ((latest: T | undefined) => boolean)
  /** Whether `next` may replace `current` (version ordering); default: always. */
  isNewer?: (next: T, current: T) => boolean
  /** Every view that arrives, by stream or poll. */
  onView?: (view: T) => void
  swr?: SWRConfiguration<T>
}

export function useLiveView<T>(opts: LiveViewOptions<T>) {
  const { url } = opts
  const [mode, setMode] = useState<'stream' | 'poll'>('stream')
  const [streaming, setStreaming] = useState(false)
  // The cashier must see at once that what is on screen may be stale (a dropped Wi-Fi while the
  // customer pays): the browser's offline event, or a broken stream whose check failed, says so.
  const [lost, setLost] = useState(false)
  const latest = useRef(opts)
  useEffect(() => {
    latest.current = opts
  })

  const isOn = (view: T | undefined) =>
    typeof opts.enabled === 'function' ? opts.enabled(view) : opts.enabled
  const swr = useSWR<T>(url, opts.fetcher, {
    // A failed request is tried again at the poll's pace, forever: SWR's own back-off grows to
    // minutes, and a restarted server must be found again within seconds.
    onErrorRetry: (_err, _key, _config, revalidate, { retryCount }) => {
      setTimeout(() => void revalidate({ retryCount }), POLL_MS)
    },
    ...opts.swr,
    // The fallback poll is this hook's own timer (below): SWR's pauses while in error.
    refreshInterval: 0,
    onSuccess: (view, key, config) => {
      setLost(false)
      latest.current.onView?.(view)
      opts.swr?.onSuccess?.(view, key, config)
    },
  })
  const { mutate } = swr
  const enabled = isOn(swr.data)

  const accept = useCallback(
    (view: T) => {
      void mutate(
        (current) => {
          const isNewer = latest.current.isNewer
          return current !== undefined && isNewer && !isNewer(view, current) ? current : view
        },
        { revalidate: false },
      )
      latest.current.onView?.(view)
    },
    [mutate],
  )

  useEffect(() => {
    // While lost, the stream is closed (the browser keeps an old one open through an outage) and
    // the first answer to a plain GET ends the outage; then a new stream opens at once.
    if (!enabled || mode !== 'stream' || lost) return
    let es: EventSource | undefined
    let release: Release | null = null
    let gone = false
    let first: ReturnType<typeof setTimeout> | undefined
    let silent: ReturnType<typeof setTimeout> | undefined
    const fallBack = () => {
      es?.close()
      setStreaming(false)
      setMode('poll')
    }
    const open = () => {
      const stream = new EventSource(`${url}/events`)
      es = stream
      let errors = 0
      first = setTimeout(fallBack, FIRST_EVENT_MS)
      // A half-open connection never errors: one that goes quiet is given up on.
      const heard = () => {
        clearTimeout(silent)
        silent = setTimeout(fallBack, SILENT_MS)
      }
      stream.onmessage = (e: MessageEvent<string>) => {
        clearTimeout(first)
        first = undefined
        errors = 0
        heard()
        setStreaming(true)
        setLost(false)
        accept(JSON.parse(e.data) as T)
      }
      stream.addEventListener('hb', heard)
      stream.onerror = () => {
        setStreaming(false)
        // Is the server still there? The plain GET answers within a round trip; its failure is 'offline'.
        void mutate().catch(() => undefined)
        // CLOSED: the server refused it (401, 404…): the poll says why. Otherwise the browser retries.
        if (stream.readyState === EventSource.CLOSED || ++errors >= STREAM_ERRORS) fallBack()
        else if (first === undefined) first = setTimeout(fallBack, FIRST_EVENT_MS)
      }
    }
    // The browser's streams are shared by all its tabs (stream-slots.ts): none free, poll instead.
    void takeStreamSlot().then((slot) => {
      if (gone) return slot?.()
      if (!slot) return setMode('poll')
      release = slot
      open()
    })
    return () => {
      gone = true
      clearTimeout(first)
      clearTimeout(silent)
      es?.close()
      release?.()
    }
  }, [enabled, mode, url, accept, mutate, lost])

  useEffect(() => {
    const down = () => setLost(true)
    const up = () => void mutate().catch(() => undefined)
    // A screen mounted after the network went (the charge screen drawn again under its own
    // address) never hears the offline event: it would show a live countdown with no server.
    if (!navigator.onLine) down()
    window.addEventListener('offline', down)
    window.addEventListener('online', up)
    return () => {
      window.removeEventListener('offline', down)
      window.removeEventListener('online', up)
    }
  }, [mutate])

  // Polling: every POLL_MS whatever the last answer was, and the stream gets another chance now
  // and then (a proxy fixed, a server back).
  useEffect(() => {
    if (!enabled || mode !== 'poll') return
    void mutate()
    const poll = setInterval(() => void mutate(), POLL_MS)
    const t = setTimeout(() => setMode('stream'), RETRY_STREAM_MS)
    return () => {
      clearInterval(poll)
      clearTimeout(t)
    }
  }, [enabled, mode, mutate])

  // Connecting counts as 'polling': the screen shows the last view and nothing alarming.
  const connection: Connection =
    lost || swr.error ? 'offline' : mode === 'stream' && streaming ? 'live' : 'polling'
  return { ...swr, connection }
}
