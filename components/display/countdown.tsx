'use client'

import { formatSeconds } from '@/components/charges/countdown'
import { fill } from './texts'
import { useNow } from './use-now'

/**
 * Time left on the server's clock (this device's clock plus the offset measured at each poll), so it
 * reads the same as the cashier's countdown, whatever the tablet's own clock says.
 */
export function Countdown({
  expiresAt,
  offset,
  template,
  expired,
}: {
  expiresAt: number
  offset: number
  /** "剩余时间 {time}" */
  template: string
  expired: string
}) {
  const now = useNow(250) + offset
  const seconds = Math.max(0, Math.ceil((expiresAt - now) / 1000))
  return (
    <p
      data-testid="display-countdown"
      className="text-[3.2vmin] text-gray-500 tabular"
      suppressHydrationWarning
    >
      {seconds > 0 ? fill(template, { time: formatSeconds(seconds) }) : expired}
    </p>
  )
}
