'use client'

import { useEffect, useState } from 'react'

/** Seconds until `deadline` on the server's clock, corrected for this device's clock offset. */
export function useCountdown(deadline: number, serverNow: number): number {
  const [offset] = useState(() => serverNow - Date.now())
  const [now, setNow] = useState(() => Date.now() + offset)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 250)
    return () => clearInterval(timer)
  }, [offset])
  return Math.max(0, Math.ceil((deadline - now) / 1000))
}

export function formatSeconds(total: number): string {
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${m}:${String(s).padStart(2, '0')}`
}
