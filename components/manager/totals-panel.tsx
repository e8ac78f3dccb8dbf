import { getLocale, getTranslations } from 'next-intl/server'
import { PayWayMark } from '@/components/charges/pay-way-mark'
import { Card } from '@/components/ui/card'
import type { PaidChart as PaidChartData } from '@/lib/charges/queries/paid-chart'
import type { ChargeTotals } from '@/lib/charges/queries/totals'
import { formatFen } from '@/lib/money'
import { StatusTotals, unpaidRows } from './status-totals'
import { PaidChart } from './paid-chart'

/**
 * The whole filtered set (not only this page): the headline is what was paid; every other status
 * shows its own count and sum, never added into one total (failed or closed money was not taken).
 * The chart only when something in the set was paid, else a line saying why there is none. When nothing
 * matches at all, only the headline, on one line: ChargesEmpty, where the rows would be, says so
 * and what to do (said here too, it was said twice, and pushed that below the fold on a phone).
 */
export async function TotalsPanel({
  totals,
  chart,
}: {
  totals: ChargeTotals
  chart: PaidChartData
}) {
  const [t, tWay, locale] = await Promise.all([
    getTranslations('manager.totals'),
    getTranslations('payWay'),
    getLocale(),
  ])
  const money = (fen: number) => formatFen(fen, locale)
  const others = unpaidRows(totals)
  // By the totals, not the chart's points: a chart covers at most a year up to the filter's end (30
  // days without a start), and money paid before that is still paid, never "none went through".
  const hasPaid = totals.paid.count > 0
  const card = {
    'aria-label': t('label'),
    'data-testid': 'totals',
    'data-count': totals.all.count,
    'data-paid-fen': totals.paid.sumFen,
    as: 'section',
  } as const
  // The stable hook (design.md): the paid headline with its fen, whatever the filter finds.
  const headline = (size: string) => (
    <p
      data-testid="paid-total"
      data-fen={totals.paid.sumFen}
      data-count={totals.paid.count}
      className={`${size} font-bold text-status-paid tabular`}
    >
      {money(totals.paid.sumFen)}
    </p>
  )
  const paidLine = (
    <p className="text-sm text-gray-600 tabular">{t('paidLine', { count: totals.paid.count })}</p>
  )
  if (totals.all.count === 0) {
    return (
      <Card {...card} pad="sm" className="flex flex-wrap items-baseline gap-x-3">
        <p className="text-sm text-gray-500">{t('paid')}</p>
        {headline('text-xl')}
        {paidLine}
      </Card>
    )
  }
  return (
    <Card {...card} className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      {/* The figures of both lists end at one edge, never further than 22rem from their labels
          (stacked at 768 px the not-paid figures sat 450 px from their badges, the pay ways' next
          to their names). */}
      <div className="max-w-[22rem] space-y-5">
        <div>
          <p className="text-sm text-gray-500">{t('paid')}</p>
          {headline('text-4xl')}
          {paidLine}
        </div>
        <div>
          <h2 className="mb-2 text-sm font-medium text-gray-500">{t('byPayWay')}</h2>
          <ul className="space-y-1.5">
            {/* Only the ways the set holds: filtered to Alipay, a “WeChat Pay 0 paid, ¥0.00”
                line spoke of charges the filter had left out. */}
            {totals.byPayWay
              .filter((w) => w.all.count > 0)
              .map((w) => (
                <li
                  key={w.payWay}
                  className="flex items-center justify-between gap-3 text-sm tabular"
                >
                  <span className="flex items-center gap-2 whitespace-nowrap">
                    <PayWayMark payWay={w.payWay} size={20} />
                    {tWay(w.payWay)}
                  </span>
                  <span>
                    {t('payWayLine', { paidCount: w.paid.count, paidAmount: money(w.paid.sumFen) })}
                  </span>
                </li>
              ))}
          </ul>
        </div>
        <StatusTotals
          rows={others}
          title={t('notPaid')}
          line={(s) => t('statusLine', { count: s.count, amount: money(s.sumFen) })}
          testId="status-total"
        />
      </div>
      {hasPaid ? (
        <PaidChart unit={chart.unit} points={chart.points} from={chart.from} to={chart.to} />
      ) : (
        <p data-testid="no-chart" className="self-center text-center text-gray-600">
          {t('nothingPaid')}
        </p>
      )}
    </Card>
  )
}
