import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { filterToParams, type ChargeFilter } from '@/lib/charges/queries/filters'

/** Which empty list this is, so the words and the ways out fit it. */
export type EmptyKind = 'ever' | 'today' | 'filtered' | 'page'

/**
 * Why the list is empty: nothing at all, nothing yet today (the list's default view), nothing in
 * the filter, or a page past the end of a set that does hold charges (an old "older" link).
 */
export function emptyKind(filter: ChargeFilter, total: number): EmptyKind {
  if (total > 0) return 'page'
  const narrowed =
    filter.statuses.length > 0 ||
    filter.payWays.length > 0 ||
    filter.stationId !== null ||
    filter.cashierId !== null ||
    filter.minFen !== null ||
    filter.maxFen !== null ||
    filter.q !== null
  if (narrowed) return 'filtered'
  if (filter.preset === 'today') return 'today'
  return datesLimited(filter) ? 'filtered' : 'ever'
}

function datesLimited(filter: ChargeFilter): boolean {
  return filter.preset !== 'all' && (filter.preset !== null || !!filter.from || !!filter.to)
}

/**
 * The list's one empty state, where the rows would be (the totals card above shows only its ¥0
 * headline): what is empty and the ways out, clearing the filters (the list's default view, today)
 * and widening the dates while keeping the other filters.
 */
export async function ChargesEmpty({ filter, total }: { filter: ChargeFilter; total: number }) {
  const [t, tFilters] = await Promise.all([
    getTranslations('manager.list'),
    getTranslations('manager.filters'),
  ])
  const kind = emptyKind(filter, total)
  const all = filterToParams({ ...filter, preset: 'all', from: null, to: null })
  const links: Array<{ key: string; href: string; text: string; primary: boolean }> = []
  if (kind === 'filtered')
    links.push({ key: 'reset', href: '/charges', text: tFilters('reset'), primary: true })
  if ((kind === 'filtered' || kind === 'today') && datesLimited(filter))
    links.push({
      key: 'all-dates',
      href: `/charges?${all}`,
      text: t('allDates'),
      primary: kind === 'today',
    })
  if (kind === 'page')
    links.push({
      key: 'newest',
      href: `/charges?${filterToParams(filter)}`,
      text: t('newest'),
      primary: true,
    })
  return (
    <Card
      as="section"
      pad="lg"
      flat
      aria-labelledby="charges-empty-text"
      data-testid="charges-empty"
      data-kind={kind}
      className="text-center"
    >
      <p id="charges-empty-text" className="font-medium text-gray-800">
        {t(`emptyWhy.${kind}`)}
      </p>
      {kind === 'filtered' ? <p className="mt-1 text-sm text-gray-600">{t('emptyHint')}</p> : null}
      {links.length > 0 ? (
        <div className="mt-5 flex flex-wrap justify-center gap-3">
          {links.map((l) => (
            <Link
              key={l.key}
              href={l.href}
              data-testid={`charges-empty-${l.key}`}
              className={buttonClass(l.primary ? 'outline' : 'secondary')}
            >
              {l.text}
            </Link>
          ))}
        </div>
      ) : null}
    </Card>
  )
}
