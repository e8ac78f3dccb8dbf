'use client'

import { useLocale, useTranslations } from 'next-intl'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ChartPoint } from '@/lib/charges/queries/paid-chart'
import { formatFen } from '@/lib/money'

/**
 * Paid amounts per hour of one day, or per day. Values stay in fen; only the labels turn them into
 * yuan. The caller draws nothing when nothing was paid (an axis of ¥0 says nothing).
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
  const yuanTick = (fen: number) =>
    formatFen(Math.round(fen / 100) * 100, locale).replace(/\.00$/, '')
  const tick = (key: string) => (unit === 'hour' ? `${key}:00` : key.slice(5))
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
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} stroke="#e5e7eb" />
            <XAxis dataKey="key" tickFormatter={tick} tick={{ fontSize: 12 }} minTickGap={12} />
            <YAxis
              tickFormatter={yuanTick}
              tick={{ fontSize: 12 }}
              width={72}
              allowDecimals={false}
            />
            <Tooltip
              labelFormatter={(key) => tick(String(key))}
              formatter={(value) => [formatFen(Number(value), locale), t('amount')]}
              cursor={{ fill: '#dbeafe' }}
            />
            <Bar dataKey="fen" fill="#1d4ed8" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
