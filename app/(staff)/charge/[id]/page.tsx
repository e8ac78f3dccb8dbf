import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { requestLocale } from '@/i18n/request-locale'
import { requirePageUser } from '@/lib/auth/session'
import { getCharge } from '@/lib/charges/repo'
import { toChargeView } from '@/lib/charges/view'
import { getSettings } from '@/lib/settings/repo'
import { getStation } from '@/lib/stations/repo'
import { ChargeScreenView } from './charge-screen-view'

type Params = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const charge = await getCharge((await params).id).catch(() => null)
  const t = await getTranslations('charge')
  return { title: t('title', { bill: charge?.bzOrder ?? '' }) }
}

export default async function ChargePage({ params }: Params) {
  await requirePageUser('charge:view')
  const { id } = await params
  const charge = /^[0-9a-f-]{36}$/.test(id) ? await getCharge(id) : null
  if (!charge) notFound()
  const [locale, settings, station] = await Promise.all([
    requestLocale(),
    getSettings(),
    getStation(charge.stationId),
  ])
  return (
    <ChargeScreenView
      initial={toChargeView(charge, locale)}
      speakByDefault={settings.speakPaid}
      autoPrint={station?.autoPrintReceipt ?? false}
    />
  )
}
