import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { control } from '@/components/ui/field'
import type { ChargeFilter, FilterField } from '@/lib/charges/queries/filters'
import { isShortSearch, SEARCH_MIN_CHARS } from '@/lib/charges/queries/search-text'
import { CHARGE_STATUSES } from '@/lib/charges/status'
import { PAY_WAYS } from '@/lib/dms/types'
import { fenToYuanText } from '@/lib/money'
import { CheckGroup } from './check-group'
import { DatePresets } from './date-presets'
import { FilterChips } from './filter-chips'
import { FilterForm } from './filter-form'

interface Option {
  id: string
  name: string
}

const input = `${control} text-base`
const label = 'mb-1 block text-sm font-medium text-gray-600'

/** Every filter of the list as URL fields (names match parseChargeFilter's keys). */
export async function ChargeFilters(props: {
  filter: ChargeFilter
  days: { from: string | null; to: string | null }
  invalid: FilterField[]
  stations: Option[]
  cashiers: Option[]
}) {
  const { filter, days, invalid } = props
  const [t, tStatus, tWay] = await Promise.all([
    getTranslations('manager.filters'),
    getTranslations('status'),
    getTranslations('payWay'),
  ])
  const yuan = (fen: number | null) => (fen === null ? '' : fenToYuanText(fen))
  const field = (id: string, text: string, control: React.ReactNode, wide = false) => (
    <div className={wide ? 'sm:col-span-2' : undefined}>
      <label htmlFor={id} className={label}>
        {text}
      </label>
      {control}
    </div>
  )
  const select = (id: string, name: string, value: string | null, options: Option[]) => (
    <select id={id} name={name} defaultValue={value ?? ''} className={input}>
      <option value="">{t('all')}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  )
  return (
    <Card aria-label={t('label')} as="section" pad="sm">
      {invalid.length > 0 ? (
        <p
          aria-live="polite"
          data-testid="filter-invalid"
          className="mb-4 rounded-lg bg-amber-50 p-3 text-status-waiting"
        >
          {t('invalid', { fields: invalid.map((f) => t(`fields.${f}`)).join('、') })}
        </p>
      ) : null}
      <FilterForm action="/charges">
        {filter.preset ? <input type="hidden" name="range" value={filter.preset} /> : null}
        {/* Folded: one line with the search box and the active filters as chips. */}
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor="f-q" className="sr-only">
            {t('search')}
          </label>
          <input
            id="f-q"
            type="search"
            name="q"
            maxLength={64}
            placeholder={t('searchHint')}
            defaultValue={filter.q ?? ''}
            className={`${input} sm:w-96`}
          />
          <button type="submit" className={buttonClass()}>
            {t('apply')}
          </button>
          <FilterChips
            filter={filter}
            days={days}
            stations={props.stations}
            cashiers={props.cashiers}
          />
        </div>
        {filter.q && isShortSearch(filter.q) ? (
          <p data-testid="search-short" className="mt-2 text-sm text-status-waiting">
            {t('searchShort', { min: SEARCH_MIN_CHARS })}
          </p>
        ) : null}
        <details className="mt-2" open={invalid.length > 0}>
          <summary
            data-testid="more-filters"
            className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-accent"
          >
            {t('more')}
          </summary>
          <div className="pt-2">
            <DatePresets filter={filter} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {field(
              'f-from',
              t('from'),
              <input
                id="f-from"
                type="date"
                name="from"
                defaultValue={days.from ?? ''}
                className={input}
              />,
            )}
            {field(
              'f-to',
              t('to'),
              <input
                id="f-to"
                type="date"
                name="to"
                defaultValue={days.to ?? ''}
                className={input}
              />,
            )}
            {field(
              'f-station',
              t('station'),
              select('f-station', 'station', filter.stationId, props.stations),
            )}
            {field(
              'f-cashier',
              t('cashier'),
              select('f-cashier', 'cashier', filter.cashierId, props.cashiers),
            )}
            {field(
              'f-min',
              t('minYuan'),
              <input
                id="f-min"
                name="min"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={yuan(filter.minFen)}
                className={`${input} tabular`}
              />,
            )}
            {field(
              'f-max',
              t('maxYuan'),
              <input
                id="f-max"
                name="max"
                inputMode="decimal"
                autoComplete="off"
                defaultValue={yuan(filter.maxFen)}
                className={`${input} tabular`}
              />,
            )}
          </div>
          <CheckGroup
            legend={t('status')}
            name="status"
            options={CHARGE_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))}
            checked={filter.statuses}
          />
          <CheckGroup
            legend={t('payWay')}
            name="pay_way"
            options={PAY_WAYS.map((w) => ({ value: w, label: tWay(w) }))}
            checked={filter.payWays}
          />
          <div className="mt-5 flex flex-wrap gap-3">
            <button type="submit" className={buttonClass()}>
              {t('apply')}
            </button>
            <Link href="/charges" className={buttonClass('ghost')}>
              {t('reset')}
            </Link>
          </div>
        </details>
      </FilterForm>
    </Card>
  )
}
