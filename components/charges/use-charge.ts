'use client'

import useSWR from 'swr'
import { isOpen } from '@/lib/charges/status'
import type { ChargeView } from '@/lib/charges/view'

const POLL_MS = 1_000

async function fetchCharge(url: string): Promise<ChargeView> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return (await res.json()) as ChargeView
}

// Module-level so its identity is stable: SWR restarts its timer whenever this function changes, and
// the countdown re-renders the screen four times a second.
const pollWhileOpen = (latest: ChargeView | undefined) =>
  latest && !isOpen(latest.status) ? 0 : POLL_MS

/**
 * The charge, polled about every second while it is open and not at all once it is final.
 * SWR never sends a second request for the same key while one is in flight, and revalidates at once
 * when the tab regains focus or becomes visible.
 */
export function useCharge(initial: ChargeView) {
  return useSWR<ChargeView>(`/api/charges/${initial.id}`, fetchCharge, {
    fallbackData: initial,
    refreshInterval: pollWhileOpen,
    revalidateOnFocus: true,
    revalidateOnReconnect: true,
    refreshWhenHidden: true,
    dedupingInterval: 500,
    focusThrottleInterval: 500,
    keepPreviousData: true,
  })
}
