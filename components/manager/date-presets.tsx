import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { DATE_PRESETS } from '@/lib/charges/beijing-day'
import { filterToParams, type ChargeFilter } from '@/lib/charges/queries/filters'

/**
 * Quick picks: links that keep every other filter. They put a relative pick in the URL (range=today),
 * so a bookmark of "today" stays today; the date fields show the days it stands for.
 */
export async function DatePresets({ filter }: { filter: ChargeFilter }) {
  const t = await getTranslations('manager.filters')
  const href = (preset: ChargeFilter['preset']) =>
    `/charges?${filterToParams({ ...filter, preset, from: null, to: null })}`
  const noDates = !filter.preset && !filter.from && !filter.to
  const items = DATE_PRESETS.map(
    (p) => [p, filter.preset === p || (p === 'all' && noDates)] as const,
  )
  return (
    <nav aria-label={t('date')} className="mb-4 flex flex-wrap gap-2">
      {items.map(([p, active]) => (
        <Link
          key={p}
          href={href(p)}
          aria-current={active ? 'true' : undefined}
          data-testid={`preset-${p}`}
          className={`inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium ${
            active ? 'bg-accent text-white' : 'bg-gray-100 text-gray-700 hover:bg-gray-200'
          }`}
        >
          {t(`presets.${p}`)}
        </Link>
      ))}
    </nav>
  )
}
