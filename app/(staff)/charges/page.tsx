import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ChargeFilters } from '@/components/manager/charge-filters'
import { ChargeTable } from '@/components/manager/charge-table'
import { ChargesEmpty } from '@/components/manager/charges-empty'
import { ExportLinks } from '@/components/manager/export-links'
import { Pager } from '@/components/manager/pager'
import { TotalsPanel } from '@/components/manager/totals-panel'
import { can } from '@/lib/auth/permissions'
import { requirePageUser } from '@/lib/auth/session'
import { loadChargeList } from '@/lib/charges/queries/list-page'
import { listSavedViews } from '@/lib/charges/queries/saved-views'
import { SavedViews } from './saved-views'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('manager.list'))('title') }
}

/** Recent charges for the manager: every filter in the URL, totals over the whole filtered set. */
export default async function ChargesPage({ searchParams }: Props) {
  const user = await requirePageUser('charges:review')
  const [data, views, t] = await Promise.all([
    loadChargeList(await searchParams),
    listSavedViews(user.id),
    getTranslations('manager.list'),
  ])
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('heading')}</h1>
        {can(user.role, 'charges:export') ? (
          <ExportLinks params={data.params} count={data.totals.all.count} />
        ) : null}
      </div>
      <SavedViews views={views} current={data.params.toString()} />
      <ChargeFilters
        filter={data.filter}
        days={data.days}
        invalid={data.invalid}
        stations={data.stations}
        cashiers={data.cashiers}
      />
      <TotalsPanel totals={data.totals} chart={data.chart} />
      {data.list.rows.length > 0 ? (
        <ChargeTable rows={data.list.rows} />
      ) : (
        <ChargesEmpty filter={data.filter} total={data.totals.all.count} />
      )}
      <Pager base={data.params} newer={data.list.newer} older={data.list.older} />
    </div>
  )
}
