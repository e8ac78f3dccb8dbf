import { getLocale, getTranslations } from 'next-intl/server'
import { PayWayMark } from '@/components/charges/pay-way-mark'
import { StatusBadge } from '@/components/charges/status-badge'
import type { DailyPaid } from '@/lib/charges/queries/daily'
import type { ChargeTotals } from '@/lib/charges/queries/totals'
import { formatFen } from '@/lib/money'
import { DailyChart } from './daily-chart'

/** Count and sum of the whole filtered set (not only this page), and the per-day chart. */
export async function TotalsPanel({ totals, chart }: { totals: ChargeTotals; chart: DailyPaid }) {
  const [t, tWay, locale] = await Promise.all([
    getTranslations('manager.totals'),
    getTranslations('payWay'),
    getLocale(),
  ])
  const money = (fen: number) => formatFen(fen, locale)
  return (
    <section
      aria-label={t('label')}
      data-testid="totals"
      data-count={totals.all.count}
      data-sum-fen={totals.all.sumFen}
      data-paid-fen={totals.paid.sumFen}
      className="grid gap-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-gray-200 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]"
    >
      <div className="space-y-5">
        <div>
          <p className="text-sm text-gray-500">{t('paid')}</p>
          <p className="text-4xl font-bold text-status-paid tabular">{money(totals.paid.sumFen)}</p>
          <p className="text-sm text-gray-600 tabular">
            {t('paidLine', { count: totals.paid.count })}
          </p>
          <p className="mt-2 text-sm text-gray-600 tabular">
            {t('all', { count: totals.all.count, amount: money(totals.all.sumFen) })}
          </p>
        </div>
        <div>
          <h2 className="mb-2 text-sm font-medium text-gray-500">{t('byPayWay')}</h2>
          <ul className="space-y-1.5">
            {totals.byPayWay.map((w) => (
              <li key={w.payWay} className="flex items-center gap-2 text-sm tabular">
                <PayWayMark payWay={w.payWay} size={20} />
                <span className="w-16 shrink-0">{tWay(w.payWay)}</span>
                <span>
                  {t('payWayLine', {
                    paidCount: w.paid.count,
                    paidAmount: money(w.paid.sumFen),
                    count: w.all.count,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2 className="mb-2 text-sm font-medium text-gray-500">{t('byStatus')}</h2>
          <ul className="space-y-1.5">
            {totals.byStatus
              .filter((s) => s.count > 0)
              .map((s) => (
                <li
                  key={s.status}
                  className="flex items-center justify-between gap-3 text-sm tabular"
                >
                  <StatusBadge status={s.status} />
                  <span>
                    {s.count} · {money(s.sumFen)}
                  </span>
                </li>
              ))}
          </ul>
        </div>
      </div>
      <DailyChart points={chart.points} from={chart.from} to={chart.to} />
    </section>
  )
}
