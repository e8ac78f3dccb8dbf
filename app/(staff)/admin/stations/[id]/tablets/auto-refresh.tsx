'use client'

import { useEffect } from 'react'
import { useRouter } from 'next/navigation'

/**
 * Re-renders the page from the server every `everyMs` while it is visible: tablets' "live" state,
 * a code that just got used and the tablet it paired appear without a manual reload.
 */
export function AutoRefresh({ everyMs }: { everyMs: number }) {
  const router = useRouter()
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh()
    }, everyMs)
    return () => clearInterval(timer)
  }, [router, everyMs])
  return null
}
