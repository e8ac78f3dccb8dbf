import { getLocale, getTranslations } from 'next-intl/server'
import { PayWayMark } from '@/components/charges/pay-way-mark'
import { StatusTotals, unpaidRows } from '@/components/manager/status-totals'
import { Card } from '@/components/ui/card'
import type { LateChange } from '@/lib/charges/queries/late-fold'
import type { ChargeTotals } from '@/lib/charges/queries/totals'
import { shiftTaken } from '@/lib/handovers/taken'
import { formatFen, signedFen } from '@/lib/money'

/**
 * What the shift took in: the paid count and sum (the only money handed over), per pay way; the
 * other statuses each with their own count and sum, never added to the paid figure. With earlier
 * shifts' late changes (`late`, when there are any), what the drawer took in this
 * shift under it: the paid sum plus that net, each part named.
 */
export async function HandoverSummary({
  totals,
  late = [],
}: {
  totals: ChargeTotals
  late?: LateChange[]
}) {
  const [t, tWay, locale] = await Promise.all([
    getTranslations('handover'),
    getTranslations('payWay'),
    getLocale(),
  ])
  const money = (fen: number) => formatFen(fen, locale)
  const { lateNetFen, takenFen } = shiftTaken(totals.paid.sumFen, late)
  const others = unpaidRows(totals)
  return (
    <Card as="section" className="print:p-0 print:shadow-none print:ring-0">
      <p className="text-sm text-gray-500">{t('paid')}</p>
      <p
        data-testid="handover-paid-total"
        data-fen={totals.paid.sumFen}
        data-count={totals.paid.count}
        className="text-4xl font-bold text-status-paid tabular print:text-2xl print:text-black"
      >
        {money(totals.paid.sumFen)}
      </p>
      <p className="text-sm text-gray-600 tabular">
        {t('paidCount', { count: totals.paid.count })}
      </p>
      {lateNetFen !== null ? (
        <p
          data-testid="handover-taken"
          data-fen={takenFen}
          className="mt-3 border-t border-gray-100 pt-3 tabular"
        >
          <span className="text-sm text-gray-500">{t('late.taken')} </span>
          <span className="text-xl font-semibold whitespace-nowrap">
            {/* A shift that paid out more than it took reads with the sign its parts use. */}
            {takenFen < 0 ? signedFen(takenFen, locale) : money(takenFen)}
          </span>
          <span className="block text-sm text-gray-600">
            {t.rich('late.takenLine', {
              paid: money(totals.paid.sumFen),
              net: signedFen(lateNetFen, locale),
              nowrap: (chunks) => <span className="whitespace-nowrap">{chunks}</span>,
            })}
          </span>
        </p>
      ) : null}
      <table className="mt-4 w-full text-sm tabular">
        <thead className="text-left text-gray-500">
          <tr>
            <th className="py-1 font-medium">{t('payWay')}</th>
            <th className="py-1 text-right font-medium">{t('count')}</th>
            <th className="py-1 text-right font-medium">{t('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.byPayWay.map((w) => (
            <tr
              key={w.payWay}
              data-testid="handover-pay-way"
              data-pay-way={w.payWay}
              data-fen={w.paid.sumFen}
              className="border-t border-gray-100"
            >
              <td className="flex items-center gap-2 py-1.5">
                <span className="print:hidden">
                  <PayWayMark payWay={w.payWay} size={20} />
                </span>
                {tWay(w.payWay)}
              </td>
              <td className="py-1.5 text-right">{w.paid.count}</td>
              <td className="py-1.5 text-right">{money(w.paid.sumFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <StatusTotals
        rows={others}
        title={t('notCounted')}
        line={(s) => t('statusLine', { count: s.count, amount: money(s.sumFen) })}
        testId="handover-status"
        className="mt-4"
      />
    </Card>
  )
}
