import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { isShortSearch, SEARCH_MIN_CHARS } from '@/lib/charges/queries/search-text'
import type { Charge } from '@/lib/charges/types'
import { formatFen } from '@/lib/money'
import { ChargeRowBody } from './charge-row-body'
import { cardClass } from '@/components/ui/card'

/** The station's bills found by number (last 30 days); each row re-opens its charge screen. */
export async function BillSearchResults({ q, charges }: { q: string; charges: Charge[] }) {
  const [t, format, locale] = await Promise.all([
    getTranslations('today'),
    getFormatter(),
    getLocale(),
  ])
  // Fewer than 3 characters match a whole number only (lib/charges/queries/search.ts): say so.
  const short = isShortSearch(q) ? (
    <p data-testid="search-short" className="mb-2 text-sm text-status-waiting">
      {t('searchShort', { min: SEARCH_MIN_CHARS })}
    </p>
  ) : null
  if (charges.length === 0) {
    return (
      <>
        {short}
        <p
          data-testid="bill-search-empty"
          className={`${cardClass({ flat: true })} text-center text-gray-600`}
        >
          {t('searchEmpty', { q })}
        </p>
      </>
    )
  }
  return (
    <>
      {short}
      <ul
        className={`${cardClass({ pad: 'none', flat: true })} divide-y divide-gray-100 overflow-hidden`}
      >
        {charges.map((c) => (
          <li key={c.id}>
            <Link
              href={`/charge/${c.id}`}
              data-testid="bill-search-row"
              data-charge-id={c.id}
              className="flex min-h-14 items-center gap-3 px-4 py-3 hover:bg-gray-50"
            >
              <ChargeRowBody
                payWay={c.payWay}
                bzOrder={c.bzOrder}
                status={c.status}
                time={format.dateTime(c.createdAt, 'dayMinute')}
                amount={formatFen(c.amountFen, locale)}
              />
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
