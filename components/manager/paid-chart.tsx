'use client'

import { useLocale, useTranslations } from 'next-intl'
import dynamic from 'next/dynamic'
import type { ChartPoint } from '@/lib/charges/queries/paid-chart'
import { formatFen } from '@/lib/money'

/*
 * recharts is most of this page's script (~100 KB gzip): it loads after the list is on screen, into
 * a box already of its final height, so the caption and the totals never wait for it nor move.
 */
const PaidChartBars = dynamic(() => import('./paid-chart-bars').then((m) => m.PaidChartBars), {
  ssr: false,
})

/**
 * Paid amounts per hour of one day, or per day. The caller draws nothing when nothing was paid (an
 * axis of ¥0 says nothing).
 */
export function PaidChart({
  unit,
  points,
  from,
  to,
}: {
  unit: 'hour' | 'day'
  points: ChartPoint[]
  from: string
  to: string
}) {
  const t = useTranslations('manager.chart')
  const locale = useLocale()
  const total = points.reduce((s, p) => s + p.fen, 0)
  return (
    <figure
      className="min-w-0"
      data-testid="paid-chart"
      data-unit={unit}
      data-points={points.length}
    >
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{t(unit === 'hour' ? 'titleHour' : 'title')}</span>
        <span className="text-sm text-gray-500 tabular">
          {unit === 'hour' ? from : t('range', { from, to })}
        </span>
      </figcaption>
      <div
        className="h-56"
        role="img"
        aria-label={t(unit === 'hour' ? 'summaryHour' : 'summary', {
          from,
          to,
          amount: formatFen(total, locale),
        })}
      >
        <PaidChartBars points={points} unit={unit} />
      </div>
    </figure>
  )
}
