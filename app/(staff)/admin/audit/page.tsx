import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { AdminHeader } from '@/components/admin/admin-header'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { listAudit } from '@/lib/audit/repo'
import { requirePageUser } from '@/lib/auth/session'
import { listStations } from '@/lib/stations/repo'
import { listUsers } from '@/lib/users/repo'
import { AuditTable } from './audit-table'
import { parseBefore } from './audit-text'

const PAGE_SIZE = 50

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.audit'))('title') }
}

type Search = { before?: string | string[] }

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageUser('audit:view')
  const before = parseBefore((await searchParams).before)
  const [page, users, stations, t] = await Promise.all([
    listAudit({ before, limit: PAGE_SIZE }),
    listUsers(),
    listStations(),
    getTranslations('admin.audit'),
  ])
  const names = {
    usersById: new Map(users.map((u) => [u.id, u.displayName])),
    usersByUsername: new Map(users.map((u) => [u.username, u.displayName])),
    stations: new Map(stations.map((s) => [s.id, s.name])),
  }
  return (
    <div className="space-y-6">
      <AdminHeader title={t('heading')} description={t('intro')}>
        <Link href="/admin/users" className={buttonClass('secondary')}>
          {t('toUsers')}
        </Link>
        <Link href="/admin/settings" className={buttonClass('secondary')}>
          {t('toSettings')}
        </Link>
      </AdminHeader>
      {page.entries.length === 0 ? (
        <Card as="p" flat className="text-center text-gray-500" data-testid="audit-empty">
          {t(before === null ? 'empty' : 'noOlder')}
        </Card>
      ) : (
        <AuditTable entries={page.entries} names={names} />
      )}
      <nav aria-label={t('paging')} className="flex flex-wrap gap-2">
        {before !== null ? (
          <Link href="/admin/audit" className={buttonClass('secondary')} data-testid="audit-newest">
            {t('newest')}
          </Link>
        ) : null}
        {page.nextBefore !== null ? (
          <Link
            href={`/admin/audit?before=${page.nextBefore}`}
            className={buttonClass('secondary')}
            data-testid="audit-older"
          >
            {t('older')}
          </Link>
        ) : null}
      </nav>
    </div>
  )
}
