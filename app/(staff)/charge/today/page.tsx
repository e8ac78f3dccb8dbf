import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { BillSearchResults } from '@/components/charges/bill-search-results'
import { TodayList } from '@/components/charges/today-list'
import { requirePageUser } from '@/lib/auth/session'
import { currentStation } from '@/lib/charges/station-cookie'
import { searchStationCharges } from '@/lib/charges/station-charges'
import { readToday } from '@/lib/polling/today'
import { buttonClass } from '@/components/ui/button'
import { firstParam, type SearchParam } from '@/lib/search-param'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('today'))('title') }
}

type Search = { q?: SearchParam }

export default async function TodayPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageUser('charge:view')
  const q = (firstParam((await searchParams).q) ?? '').trim().slice(0, 64)
  const [{ station }, t, tNav] = await Promise.all([
    currentStation(),
    getTranslations('today'),
    getTranslations('nav'),
  ])
  const today = station ? await readToday(station.id) : null
  const found = station && q ? await searchStationCharges(station.id, q) : null
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-bold whitespace-nowrap">
          {t('heading', { station: station?.name ?? '' })}
        </h1>
        <Link href="/charge/new" className={buttonClass()}>
          {tNav('newCharge')}
        </Link>
      </div>
      {/* A plain GET form: the search is a link the cashier can go back to. */}
      <form role="search" action="/charge/today" className="mb-4 flex gap-2">
        <label htmlFor="bill-search" className="sr-only">
          {t('searchLabel')}
        </label>
        <input
          id="bill-search"
          type="search"
          name="q"
          defaultValue={q}
          placeholder={t('searchPlaceholder')}
          autoComplete="off"
          className="h-12 min-w-0 flex-1 rounded-xl border border-gray-300 bg-white px-4 text-base sm:text-lg"
        />
        <button
          type="submit"
          data-testid="bill-search-submit"
          className={`${buttonClass('secondary')} whitespace-nowrap`}
        >
          {t('search')}
        </button>
      </form>
      {found ? (
        <section aria-label={t('searchLabel')} className="mb-6">
          <BillSearchResults q={q} charges={found} />
        </section>
      ) : null}
      {station && today ? <TodayList stationId={station.id} initial={today} /> : null}
    </div>
  )
}
