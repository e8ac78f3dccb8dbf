import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { TodayList } from '@/components/charges/today-list'
import { requirePageUser } from '@/lib/auth/session'
import { listStationChargesToday } from '@/lib/charges/repo'
import { currentStation } from '@/lib/charges/station-cookie'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('today'))('title') }
}

export default async function TodayPage() {
  await requirePageUser('charge:view')
  const [{ station }, t, tNav] = await Promise.all([
    currentStation(),
    getTranslations('today'),
    getTranslations('nav'),
  ])
  const charges = station ? await listStationChargesToday(station.id) : []
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t('heading', { station: station?.name ?? '' })}</h1>
        <Link
          href="/charge/new"
          className="rounded-xl bg-accent px-5 py-2.5 font-semibold text-white"
        >
          {tNav('newCharge')}
        </Link>
      </div>
      <TodayList charges={charges} />
    </div>
  )
}
