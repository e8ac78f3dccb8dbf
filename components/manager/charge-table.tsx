import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { PayWayMark } from '@/components/charges/pay-way-mark'
import { StatusBadge } from '@/components/charges/status-badge'
import { Card } from '@/components/ui/card'
import type { ChargeListRow } from '@/lib/charges/queries/list'
import { formatFen } from '@/lib/money'

const COLUMNS = ['time', 'bill', 'amount', 'payWay', 'status', 'station', 'cashier'] as const

/**
 * One page of the filtered charges; each bill opens the charge's detail and timeline. An empty page
 * is ChargesEmpty's, which knows the filter and so what to offer.
 */
export async function ChargeTable({ rows }: { rows: ChargeListRow[] }) {
  const [t, tWay, format, locale] = await Promise.all([
    getTranslations('manager.list'),
    getTranslations('payWay'),
    getFormatter(),
    getLocale(),
  ])
  return (
    // Every cell on one line: on a phone the rows scroll sideways in their card (squeezed into
    // it, a bill number broke after every character).
    <Card pad="none" className="overflow-x-auto">
      <table className="w-full text-left">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="border-b border-gray-200 text-sm text-gray-500">
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c}
                scope="col"
                className={`px-4 py-3 font-medium whitespace-nowrap ${c === 'amount' ? 'text-right' : ''}`}
              >
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((r) => (
            <tr
              key={r.id}
              data-testid="charge-row"
              data-charge-id={r.id}
              data-status={r.status}
              className="hover:bg-gray-50"
            >
              <td className="px-4 py-3 whitespace-nowrap text-sm text-gray-600 tabular">
                {format.dateTime(r.createdAt, 'stamp')}
              </td>
              <td className="px-4 py-3">
                <Link
                  href={`/charges/${r.id}`}
                  className="inline-flex min-h-11 items-center font-medium whitespace-nowrap text-accent hover:underline"
                >
                  {r.bzOrder}
                </Link>
                {r.paidAfterCancel ? (
                  <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-status-failed">
                    {t('paidAfterCancel')}
                  </span>
                ) : null}
              </td>
              <td className="px-4 py-3 text-right font-semibold whitespace-nowrap tabular">
                {formatFen(r.amountFen, locale)}
              </td>
              <td className="px-4 py-3">
                <span className="flex items-center gap-2 whitespace-nowrap">
                  <PayWayMark payWay={r.payWay} size={20} />
                  {tWay(r.payWay)}
                </span>
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                <StatusBadge status={r.status} />
              </td>
              <td className="px-4 py-3 text-sm whitespace-nowrap">{r.stationName ?? '—'}</td>
              <td className="px-4 py-3 text-sm whitespace-nowrap">{r.cashierName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}
