import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { filterToParams, type ChargeFilter } from '@/lib/charges/queries/filters'
import { fenToYuanText } from '@/lib/money'

interface Option {
  id: string
  name: string
}

/**
 * The active filters as chips on the folded filter line; each chip's × drops only that filter.
 * A link never ends up with no parameter at all: that opens the list on today, so "every day" is said
 * as range=all.
 */
export async function FilterChips(props: {
  filter: ChargeFilter
  days: { from: string | null; to: string | null }
  stations: Option[]
  cashiers: Option[]
}) {
  const { filter, days } = props
  const [t, tStatus, tWay] = await Promise.all([
    getTranslations('manager.filters'),
    getTranslations('status'),
    getTranslations('payWay'),
  ])
  const href = (change: Partial<ChargeFilter>) => {
    const next = { ...filter, ...change }
    if (!next.preset && !next.from && !next.to) next.preset = 'all'
    return `/charges?${filterToParams(next)}`
  }
  const dateText = filter.preset
    ? t(`presets.${filter.preset}`)
    : days.from && days.from === days.to
      ? days.from // one day, said once (it read “2026-12-05 至 2026-12-05”)
      : days.from || days.to
        ? t('dateRange', { from: days.from ?? '…', to: days.to ?? '…' })
        : t('presets.all')
  // A filter's name and its value, joined as the language joins them (Chinese ：, English : ).
  const chip = (name: 'status' | 'payWay' | 'station' | 'cashier' | 'search', value: string) =>
    t('chip', { filter: t(name), value })
  const nameOf = (list: Option[], id: string) => list.find((o) => o.id === id)?.name ?? id
  const chips: Array<{ key: string; text: string; drop: string | null }> = [
    {
      key: 'date',
      text: dateText,
      drop:
        filter.preset === 'all' || (!filter.preset && !days.from && !days.to)
          ? null
          : href({ preset: 'all', from: null, to: null }),
    },
    ...filter.statuses.map((s) => ({
      key: `status-${s}`,
      text: chip('status', tStatus(s)),
      drop: href({ statuses: filter.statuses.filter((x) => x !== s) }),
    })),
    ...filter.payWays.map((w) => ({
      key: `way-${w}`,
      text: chip('payWay', tWay(w)),
      drop: href({ payWays: filter.payWays.filter((x) => x !== w) }),
    })),
  ]
  if (filter.stationId)
    chips.push({
      key: 'station',
      text: chip('station', nameOf(props.stations, filter.stationId)),
      drop: href({ stationId: null }),
    })
  if (filter.cashierId)
    chips.push({
      key: 'cashier',
      text: chip('cashier', nameOf(props.cashiers, filter.cashierId)),
      drop: href({ cashierId: null }),
    })
  if (filter.minFen !== null)
    chips.push({
      key: 'min',
      text: t('minChip', { amount: fenToYuanText(filter.minFen) }),
      drop: href({ minFen: null }),
    })
  if (filter.maxFen !== null)
    chips.push({
      key: 'max',
      text: t('maxChip', { amount: fenToYuanText(filter.maxFen) }),
      drop: href({ maxFen: null }),
    })
  if (filter.q) chips.push({ key: 'q', text: chip('search', filter.q), drop: href({ q: null }) })
  return (
    <ul aria-label={t('active')} className="flex flex-wrap items-center gap-2">
      {chips.map((c) => (
        <li
          key={c.key}
          data-testid="filter-chip"
          data-filter={c.key}
          className="inline-flex min-h-9 items-center gap-1 rounded-full bg-accent-soft py-1 pr-1 pl-3 text-sm text-accent-strong"
        >
          <span className="tabular">{c.text}</span>
          {c.drop ? (
            // A 44 px tap target around the 28 px circle that shows (a 28 px link was too small for
            // a finger); its margins keep the chip its size, the target reaching 4 px past it.
            <Link
              href={c.drop}
              aria-label={t('dropChip', { filter: c.text })}
              className="group -m-2 inline-flex h-11 w-11 items-center justify-center"
            >
              <span className="inline-flex h-7 w-7 items-center justify-center rounded-full group-hover:bg-white">
                ×
              </span>
            </Link>
          ) : (
            <span className="w-2" />
          )}
        </li>
      ))}
    </ul>
  )
}
