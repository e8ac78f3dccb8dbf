import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import type { Charge } from '@/lib/charges/types'
import { formatFen } from '@/lib/money'
import { PayWayMark } from './pay-way-mark'
import { StatusBadge } from './status-badge'

/** The station's charges today, newest first; each row reopens its charge screen. */
export async function TodayList({ charges }: { charges: Charge[] }) {
  const [t, format, locale] = await Promise.all([
    getTranslations('today'),
    getFormatter(),
    getLocale(),
  ])
  if (charges.length === 0) {
    return (
      <p className="rounded-xl bg-white p-6 text-center text-gray-500 ring-1 ring-gray-200">
        {t('empty')}
      </p>
    )
  }
  const paid = charges.filter((c) => c.status === 'paid')
  const total = paid.reduce((sum, c) => sum + c.amountFen, 0)
  return (
    <div className="overflow-hidden rounded-xl bg-white ring-1 ring-gray-200">
      {/* The day's takings, readable at a glance: the number the cashier hands over at shift end. */}
      <div
        className="flex flex-wrap items-baseline justify-between gap-x-4 border-b border-gray-100 bg-green-50 px-4 py-4"
        data-testid="today-total"
        data-fen={total}
      >
        <span className="text-base font-medium whitespace-nowrap text-gray-700">
          {t('paidTotalLabel', { count: paid.length })}
        </span>
        <span className="text-3xl font-bold text-status-paid tabular">
          {formatFen(total, locale)}
        </span>
      </div>
      <ul className="divide-y divide-gray-100">
        {charges.map((c) => (
          <li key={c.id}>
            <Link
              href={`/charge/${c.id}`}
              data-testid="today-row"
              data-charge-id={c.id}
              className="flex items-center gap-3 px-4 py-3 hover:bg-gray-50"
            >
              <PayWayMark payWay={c.payWay} size={24} />
              <span className="w-14 text-sm text-gray-500 tabular">
                {format.dateTime(c.createdAt, { hour: '2-digit', minute: '2-digit' })}
              </span>
              <span className="min-w-0 flex-1 truncate font-medium">{c.bzOrder}</span>
              <span className="font-semibold tabular">{formatFen(c.amountFen, locale)}</span>
              <StatusBadge status={c.status} />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
