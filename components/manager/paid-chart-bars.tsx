'use client'

import { useLocale, useTranslations } from 'next-intl'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ChartPoint } from '@/lib/charges/queries/paid-chart'
import { colors } from '@/lib/design-tokens'
import { formatFen } from '@/lib/money'

/**
 * The bars of the paid chart, loaded on their own (see paid-chart.tsx). Values stay in fen; only the
 * labels turn them into yuan.
 */
export function PaidChartBars({ unit, points }: { unit: 'hour' | 'day'; points: ChartPoint[] }) {
  const t = useTranslations('manager.chart')
  const locale = useLocale()
  const yuanTick = (fen: number) =>
    formatFen(Math.round(fen / 100) * 100, locale).replace(/\.00$/, '')
  const tick = (key: string) => (unit === 'hour' ? `${key}:00` : key.slice(5))
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        {/* The cards' own rule grey: Tailwind's variable, there as long as cardClass draws its ring. */}
        <CartesianGrid vertical={false} stroke="var(--color-gray-200)" />
        <XAxis dataKey="key" tickFormatter={tick} tick={{ fontSize: 12 }} minTickGap={12} />
        <YAxis tickFormatter={yuanTick} tick={{ fontSize: 12 }} width={72} allowDecimals={false} />
        <Tooltip
          labelFormatter={(key) => tick(String(key))}
          formatter={(value) => [formatFen(Number(value), locale), t('amount')]}
          cursor={{ fill: colors.accent.soft }}
        />
        <Bar
          dataKey="fen"
          fill={colors.accent.DEFAULT}
          radius={[4, 4, 0, 0]}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  )
}
