import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { AdminHeader } from '@/components/admin/admin-header'
import { cardClass } from '@/components/ui/card'
import { requirePageUser } from '@/lib/auth/session'
import { StationList } from './station-list'
import { StationNameForm } from './station-name-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.stations'))('title') }
}

export default async function StationsPage() {
  await requirePageUser('stations:manage')
  const t = await getTranslations('admin.stations')
  return (
    <div className="space-y-6">
      <AdminHeader title={t('heading')} description={t('intro')} />
      {/* The list waits for DMS (up to its timeout); the rest of the page does not. */}
      <Suspense
        fallback={
          <p
            aria-live="polite"
            data-testid="stations-loading"
            className={`${cardClass()} text-gray-500`}
          >
            {t('loading')}
          </p>
        }
      >
        <StationList />
      </Suspense>
      <section aria-labelledby="add-station-heading" className={`${cardClass()} max-w-xl`}>
        <h2 id="add-station-heading" className="mb-4 text-lg font-semibold">
          {t('addHeading')}
        </h2>
        <StationNameForm />
      </section>
    </div>
  )
}
