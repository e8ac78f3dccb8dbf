import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { TodayList } from '@/components/charges/today-list'
import { requirePageUser } from '@/lib/auth/session'
import { readToday } from '@/lib/polling/today'
import { currentStation } from '@/lib/charges/station-cookie'
import type { PayWay } from '@/lib/dms/types'
import { getSettings } from '@/lib/settings/repo'
import { ChargeForm } from './charge-form'
import { ChargeFlow } from './charge-flow'
import { cardClass } from '@/components/ui/card'
import { firstParam, type SearchParam } from '@/lib/search-param'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('newCharge'))('title') }
}

type Search = { bz_order?: SearchParam; amount?: SearchParam; pay_way?: SearchParam }

export default async function NewChargePage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageUser('charge:create')
  const [search, { station, stations }, settings, t] = await Promise.all([
    searchParams,
    currentStation(),
    getSettings(),
    getTranslations('newCharge'),
  ])
  const today = station ? await readToday(station.id) : null
  // Deep links from DMS or another system prefill the form; the cashier still confirms.
  const prefill = {
    bzOrder: (firstParam(search.bz_order) ?? '').slice(0, 64),
    amount: (firstParam(search.amount) ?? '').slice(0, 32),
    payWay: (firstParam(search.pay_way) === 'SCAN_ALIPAY'
      ? 'SCAN_ALIPAY'
      : 'SCAN_WEIXIN') as PayWay,
  }
  return (
    <ChargeFlow>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,36rem)_1fr]">
        <section className={`${cardClass({ pad: 'none' })} min-w-0 p-5 sm:p-8 lg:self-start`}>
          <h1 className="mb-6 text-2xl font-bold">{t('heading')}</h1>
          <ChargeForm
            stations={stations.map((s) => ({ id: s.id, name: s.name }))}
            stationId={station?.id ?? ''}
            prefill={prefill}
            maxAmountFen={settings.maxAmountFen}
          />
        </section>
        <section aria-labelledby="today-heading" className="min-w-0">
          <h2 id="today-heading" className="mb-3 text-lg font-semibold">
            {t('today')} · {station?.name}
          </h2>
          {station && today ? (
            <TodayList stationId={station.id} initial={today} limit={20} />
          ) : null}
        </section>
      </div>
    </ChargeFlow>
  )
}
