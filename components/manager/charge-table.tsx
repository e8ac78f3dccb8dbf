import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { PayWayMark } from '@/components/charges/pay-way-mark'
import { StatusBadge } from '@/components/charges/status-badge'
import { Card } from '@/components/ui/card'
import { phoneTable } from '@/components/ui/phone-table'
import type { ChargeListRow } from '@/lib/charges/queries/list'
import { formatFen } from '@/lib/money'
import { ATTENTION_TAG } from './attention-tag'

const COLUMNS = ['time', 'bill', 'amount', 'payWay', 'status', 'station', 'cashier'] as const

/*
 * Below `lg` (phoneTable: at 768 px this table is 925 px wide) each row is the front desk's charge
 * row (today's list): the pay way's mark, the bill over its time, the amount over its status, and a
 * line of pay way, station and cashier under them. The grid's columns: the mark, three for the
 * secondary line's words (the bill and the time span them), the amount's.
 */
const ROW = 'max-lg:grid-cols-[auto_auto_auto_minmax(0,1fr)_auto] max-lg:px-4'
/** The secondary line, under the time. */
const SECONDARY = 'max-lg:row-start-3 max-lg:text-sm max-lg:whitespace-normal max-lg:text-gray-500'
/**
 * A word of the secondary line after its first: a dot before it (no text for a screen reader,
 * which reads the cells as cells), the gap to it halved.
 */
const AFTER = "max-lg:-ml-1.5 max-lg:before:pr-1.5 max-lg:before:content-['·'_/_'']"

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
  const cell = `px-4 py-3 ${phoneTable.cell}`
  return (
    // As a table every cell on one line (squeezed into the card, a bill number broke after every
    // character): the card would rather scroll sideways than break one.
    <Card pad="none" className="overflow-x-auto">
      <table className={`w-full text-left ${phoneTable.table}`}>
        <caption className="sr-only">{t('caption')}</caption>
        <thead className={`border-b border-gray-200 text-sm text-gray-500 ${phoneTable.head}`}>
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
        <tbody className={`divide-y divide-gray-100 ${phoneTable.body}`}>
          {rows.map((r) => (
            <tr
              key={r.id}
              data-testid="charge-row"
              data-charge-id={r.id}
              data-status={r.status}
              className={`hover:bg-gray-50 ${phoneTable.row} ${ROW}`}
            >
              <td
                className={`${cell} whitespace-nowrap text-sm text-gray-600 tabular max-lg:col-span-3 max-lg:col-start-2 max-lg:row-start-2 max-lg:text-gray-500`}
              >
                {format.dateTime(r.createdAt, 'stamp')}
              </td>
              <td
                // Stacked, a flag of the charge goes whole under a bill too long to leave it room.
                className="px-4 py-3 max-lg:col-span-3 max-lg:col-start-2 max-lg:row-start-1 max-lg:flex max-lg:flex-wrap max-lg:items-center max-lg:gap-x-2 max-lg:p-0"
              >
                <Link
                  href={`/charges/${r.id}`}
                  // Stacked, the tap target reaches into the row's padding and the time's line.
                  className="inline-flex min-h-11 items-center font-medium whitespace-nowrap text-accent hover:underline max-lg:-my-3 max-lg:break-all max-lg:whitespace-normal"
                >
                  {r.bzOrder}
                </Link>
                {r.paidAfterCancel ? (
                  <span className={`${ATTENTION_TAG} ml-2 text-xs max-lg:ml-0`}>
                    {t('paidAfterCancel')}
                  </span>
                ) : null}
              </td>
              <td
                className={`${cell} text-right font-semibold whitespace-nowrap tabular max-lg:col-start-5 max-lg:row-start-1`}
              >
                {formatFen(r.amountFen, locale)}
              </td>
              <td className="px-4 py-3 max-lg:contents">
                <span className="flex items-center gap-2 whitespace-nowrap max-lg:contents">
                  <span className="flex max-lg:col-start-1 max-lg:row-span-3 max-lg:row-start-1 max-lg:self-center max-lg:[&>svg]:size-6">
                    <PayWayMark payWay={r.payWay} size={20} />
                  </span>
                  <span className={`max-lg:col-start-2 ${SECONDARY}`}>{tWay(r.payWay)}</span>
                </span>
              </td>
              <td
                className={`${cell} whitespace-nowrap max-lg:col-start-5 max-lg:row-start-2 max-lg:justify-self-end`}
              >
                <StatusBadge status={r.status} />
              </td>
              <td
                className={`${cell} text-sm whitespace-nowrap max-lg:col-start-3 ${SECONDARY} ${AFTER}`}
              >
                {r.stationName ?? '—'}
              </td>
              <td
                className={`${cell} text-sm whitespace-nowrap max-lg:col-span-2 max-lg:col-start-4 ${SECONDARY} ${AFTER}`}
              >
                {r.cashierName ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}
