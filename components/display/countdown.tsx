'use client'

import { useTranslations } from 'next-intl'
import { formatSeconds } from '@/components/charges/countdown'
import { useNow } from './use-now'

/**
 * Time left on the server's clock (this device's clock plus the offset measured at each poll), so it
 * reads the same as the cashier's countdown, whatever the tablet's own clock says.
 */
export function Countdown({ expiresAt, offset }: { expiresAt: number; offset: number }) {
  const t = useTranslations('display')
  const now = useNow(250) + offset
  const seconds = Math.max(0, Math.ceil((expiresAt - now) / 1000))
  return (
    <p
      data-testid="display-countdown"
      className="text-[3.2vmin] text-gray-500 tabular"
      suppressHydrationWarning
    >
      {seconds > 0 ? t('countdown', { time: formatSeconds(seconds) }) : t('expired')}
    </p>
  )
}
