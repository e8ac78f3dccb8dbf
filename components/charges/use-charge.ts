'use client'

import { useLiveView } from '@/components/live/use-live-view'
import { isOpen } from '@/lib/charges/status'
import type { ChargeView } from '@/lib/charges/view'

async function fetchCharge(url: string): Promise<ChargeView> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return (await res.json()) as ChargeView
}

// Module-level so their identity is stable: the countdown re-renders the screen four times a second.
const whileOpen = (latest: ChargeView | undefined) => !latest || isOpen(latest.status)
const newerCharge = (next: ChargeView, current: ChargeView) => next.version >= current.version
/** The charge's plain GET, SWR's key for it. */
const chargeUrl = (id: string) => `/api/charges/${id}`

const SWR_OPTIONS = {
  revalidateOnFocus: true,
  revalidateOnReconnect: true,
  refreshWhenHidden: true,
  dedupingInterval: 500,
  focusThrottleInterval: 500,
  keepPreviousData: true,
}

/**
 * The charge, pushed by the server while it is open (components/live/use-live-view.ts: a stream,
 * or a 2 s poll when no stream can be held) and left alone once it is final. Views carry the
 * charge's version, and an older one never replaces a newer one. `connection` says how it is
 * arriving ('live' | 'polling' | 'offline').
 */
export function useCharge(initial: ChargeView) {
  return useLiveView<ChargeView>({
    url: chargeUrl(initial.id),
    fetcher: fetchCharge,
    enabled: whileOpen,
    isNewer: newerCharge,
    // The server has just rendered `initial` (or the create action returned it), and the stream's
    // first event is the state again: a GET on mount would only ask for what the screen was given.
    // (A view of the charge cached from an earlier visit may be older: the screen takes the newer.)
    swr: { ...SWR_OPTIONS, fallbackData: initial, revalidateOnMount: false },
  })
}
