'use client'

import { useLocale, useTranslations } from 'next-intl'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { DayAmount } from '@/lib/charges/queries/fill-days'
import { formatFen } from '@/lib/money'

/** Paid amounts per day. Values stay in fen; only the labels turn them into yuan. */
export function DailyChart({
  points,
  from,
  to,
}: {
  points: DayAmount[]
  from: string
  to: string
}) {
  const t = useTranslations('manager.chart')
  const locale = useLocale()
  const total = points.reduce((s, p) => s + p.fen, 0)
  const yuanTick = (fen: number) =>
    formatFen(Math.round(fen / 100) * 100, locale).replace(/\.00$/, '')
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{t('title')}</span>
        <span className="text-sm text-gray-500 tabular">{t('range', { from, to })}</span>
      </figcaption>
      <div
        className="h-56"
        role="img"
        aria-label={t('summary', { from, to, amount: formatFen(total, locale) })}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} stroke="#e5e7eb" />
            <XAxis
              dataKey="day"
              tickFormatter={(d: string) => d.slice(5)}
              tick={{ fontSize: 12 }}
              minTickGap={12}
            />
            <YAxis
              tickFormatter={yuanTick}
              tick={{ fontSize: 12 }}
              width={72}
              allowDecimals={false}
            />
            <Tooltip
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
