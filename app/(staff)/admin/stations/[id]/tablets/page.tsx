import type { Metadata } from 'next'
import { headers } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { AdminHeader } from '@/components/admin/admin-header'
import { buttonClass } from '@/components/ui/button'
import { cardClass } from '@/components/ui/card'
import { requirePageUser } from '@/lib/auth/session'
import { listStationDevices } from '@/lib/display/devices'
import { activePairingCode } from '@/lib/display/pairing'
import { formatPairingCode } from '@/lib/display/pairing-code'
import { getStation } from '@/lib/stations/repo'
import { AutoRefresh, PairingPanel } from './pairing-panel'
import { TabletList } from './tablet-list'
import { TabletNotices } from './tablet-notice'

/**
 * This site's origin as the manager's browser reached it (behind a proxy: the forwarded host and
 * scheme), for the pairing URL a tablet on the same network will open.
 */
async function requestOrigin(): Promise<string> {
  const h = await headers()
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host') || 'localhost'
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http'
  return `${proto}://${host}`
}

type Params = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const station = await getStation((await params).id).catch(() => null)
  const t = await getTranslations('tablets')
  return { title: t('title', { station: station?.name ?? '' }) }
}

/** The page's data as of one moment: liveness and the code's countdown are relative to `now`. */
async function loadTablets(stationId: string) {
  const now = Date.now()
  const [devices, code] = await Promise.all([
    listStationDevices(stationId),
    activePairingCode(stationId, { now }),
  ])
  return { now, devices, code }
}

/** A station's customer tablets: pair a new one (code + QR), see which are live, revoke. */
export default async function TabletsPage({ params }: Params) {
  await requirePageUser('stations:manage')
  const { id } = await params
  const station = await getStation(id)
  if (!station) notFound()
  const [{ now, devices, code }, origin, t] = await Promise.all([
    loadTablets(station.id),
    requestOrigin(),
    getTranslations('tablets'),
  ])
  const live = code
    ? {
        code: code.code,
        formatted: formatPairingCode(code.code),
        url: `${origin}/pair/${code.code}`,
        expiresAt: code.expiresAt,
      }
    : null
  return (
    <div className="space-y-6">
      <AutoRefresh everyMs={5_000} />
      <AdminHeader title={t('heading', { station: station.name })} description={t('intro')}>
        <Link href="/admin/stations" className={buttonClass('secondary')}>
          {t('back')}
        </Link>
      </AdminHeader>
      <section aria-labelledby="pair-heading" className={cardClass()}>
        <h2 id="pair-heading" className="mb-4 text-lg font-semibold">
          {t('pairHeading')}
        </h2>
        <PairingPanel
          stationId={station.id}
          live={live}
          serverNow={now}
          displayUrl={`${origin}/display`}
        />
      </section>
      <section aria-labelledby="tablets-heading" className={cardClass()}>
        <h2 id="tablets-heading" className="mb-4 text-lg font-semibold">
          {t('listHeading')}
        </h2>
        <TabletNotices>
          <TabletList stationId={station.id} devices={devices} now={now} />
        </TabletNotices>
      </section>
    </div>
  )
}
