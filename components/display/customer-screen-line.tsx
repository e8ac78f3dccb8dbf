'use client'

import { useTranslations } from 'next-intl'
import { durationParts } from './duration'

/**
 * For the cashier: whether the station's customer screen is connected ("顾客屏幕已连接" /
 * "顾客屏幕离线 40 秒"), drawn from its status (use-display-status.ts). On the charge screen a
 * station with no screen at all says so too (`tablets` 0): the customer must then be shown this
 * screen's QR, and the row held for the line is not left blank.
 */
export function CustomerScreenLine({
  live,
  offlineForSec,
  tablets,
}: {
  live: boolean
  /** Null: the screen has never connected. */
  offlineForSec: number | null
  /** Given where "no screen" is worth saying; omitted, the line is for a station that has one. */
  tablets?: number
}) {
  const t = useTranslations('tablets.screenStatus')
  const tUnit = useTranslations('tablets.units')
  let text: string
  if (tablets === 0) text = t('none')
  else if (live) text = t('live')
  else if (offlineForSec === null) text = t('never')
  else {
    const { unit, n } = durationParts(offlineForSec)
    text = t('offline', { duration: tUnit(unit, { n }) })
  }
  return (
    <p
      data-testid="customer-screen-status"
      data-live={live ? 'true' : 'false'}
      data-paired={tablets === 0 ? 'false' : 'true'}
      aria-live="polite"
      className="inline-flex min-h-7 items-center gap-2 rounded-full bg-white px-3 py-1 text-sm text-gray-700 ring-1 ring-gray-200"
    >
      <span
        className={`h-2.5 w-2.5 rounded-full ${tablets === 0 ? 'bg-gray-400' : live ? 'bg-green-500' : 'bg-amber-500'}`}
        aria-hidden
      />
      {text}
    </p>
  )
}
