'use client'

import { useEffect, useState } from 'react'
import { useNow } from '@/components/charges/countdown'
import { BEIJING_TIME_ZONE } from '@/lib/charges/beijing-day'
import { CLOCK } from '@/lib/time-text'

/** How long one drift takes; the content is never still long enough to mark the screen. */
const DRIFT_MS = 45_000

function randomSpot() {
  // Within ±18% of the screen each way: the block stays whole on screen at any size.
  return { x: (Math.random() * 2 - 1) * 18, y: (Math.random() * 2 - 1) * 18 }
}

/**
 * Between customers: the shop's name and the time, dim on dark, drifting slowly across the screen
 * so that nothing stays lit on the same pixels all day (burn-in on OLED and older LCD tablets).
 */
export function IdleScreen({
  shopName,
  welcome,
  locale,
  offset,
}: {
  shopName: string
  welcome: string
  locale: string
  offset: number
}) {
  const [spot, setSpot] = useState({ x: 0, y: 0 })
  useEffect(() => {
    const first = setTimeout(() => setSpot(randomSpot()), 50)
    const timer = setInterval(() => setSpot(randomSpot()), DRIFT_MS)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [])
  const now = useNow(10_000) + offset
  // The `time` format (lib/time-text.ts), built here rather than through formatTime (see CLOCK).
  const time = new Intl.DateTimeFormat(locale, { ...CLOCK, timeZone: BEIJING_TIME_ZONE }).format(
    now,
  )
  return (
    <div className="flex h-full w-full items-center justify-center bg-tablet">
      <div
        className="flex flex-col items-center gap-[2vmin] text-center ease-linear"
        style={{
          transform: `translate(${spot.x}vw, ${spot.y}vh)`,
          transitionProperty: 'transform',
          transitionDuration: `${DRIFT_MS}ms`,
        }}
      >
        <p className="max-w-[80vw] text-[7vmin] font-semibold text-slate-300">{shopName}</p>
        <p className="text-[3.5vmin] text-slate-500">{welcome}</p>
        <p className="text-[5vmin] text-slate-600 tabular" suppressHydrationWarning>
          {time}
        </p>
      </div>
    </div>
  )
}
