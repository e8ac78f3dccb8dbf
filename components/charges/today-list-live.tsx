'use client'

import { useFormatter, useLocale, useTranslations } from 'next-intl'
import Link from 'next/link'
import { ConnectionMark } from '@/components/live/connection-mark'
import { useLiveView } from '@/components/live/use-live-view'
import type { TodayView } from '@/lib/polling/today-view'
import { formatFen } from '@/lib/money-text'
import { ChargeRowBody } from './charge-row-body'
import { cardClass } from '@/components/ui/card'

async function fetchToday(url: string): Promise<TodayView> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return (await res.json()) as TodayView
}

/**
 * The station's charges today, newest first; each row reopens its charge screen (today-list.tsx
 * brings it in after the page's first load). Live: a charge
 * taken at this station on another screen, or paid meanwhile, shows without a reload (the feed, as
 * on the charge screen), and a lost connection says so rather than show a stale total as true.
 */
export function TodayListLive({
  stationId,
  initial,
  limit,
}: {
  stationId: string
  initial: TodayView
  /** Rows shown (the list under the charge form shows the latest few). */
  limit?: number
}) {
  const t = useTranslations('today')
  const format = useFormatter()
  const locale = useLocale()
  const { data, connection } = useLiveView<TodayView>({
    url: `/api/stations/${encodeURIComponent(stationId)}/today`,
    fetcher: fetchToday,
    enabled: true,
    swr: { fallbackData: initial, revalidateOnMount: false, revalidateOnFocus: true },
  })
  const { rows, paid } = data ?? initial
  const mark = connection === 'offline' ? <ConnectionMark connection={connection} /> : null
  if (rows.length === 0) {
    return (
      <div className="space-y-3" data-testid="today-list">
        {mark}
        <p className={`${cardClass({ flat: true })} text-center text-gray-500`}>{t('empty')}</p>
      </div>
    )
  }
  return (
    <div className="space-y-3" data-testid="today-list">
      {mark}
      <div className={`${cardClass({ pad: 'none', flat: true })} overflow-hidden`}>
        {/* The day's takings, readable at a glance: the number the cashier hands over at shift end. */}
        <div
          className="flex flex-wrap items-baseline justify-between gap-x-4 border-b border-gray-100 bg-green-50 px-4 py-4"
          data-testid="today-total"
          data-fen={paid.fen}
        >
          <span className="text-base font-medium whitespace-nowrap text-gray-700">
            {t('paidTotalLabel', { count: paid.count })}
          </span>
          <span className="text-3xl font-bold text-status-paid tabular">
            {formatFen(paid.fen, locale)}
          </span>
        </div>
        <ul className="divide-y divide-gray-100">
          {rows.slice(0, limit ?? rows.length).map((c) => (
            <li key={c.id}>
              <Link
                href={`/charge/${c.id}`}
                data-testid="today-row"
                data-charge-id={c.id}
                data-status={c.status}
                className="flex items-center gap-3 px-4 py-3 hover:bg-gray-50"
              >
                <ChargeRowBody
                  payWay={c.payWay}
                  bzOrder={c.bzOrder}
                  status={c.status}
                  time={format.dateTime(c.createdAt, 'time')}
                  amount={formatFen(c.amountFen, locale)}
                />
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
