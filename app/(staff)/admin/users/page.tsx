import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { AdminHeader } from '@/components/admin/admin-header'
import { buttonClass } from '@/components/ui/button'
import { cardClass } from '@/components/ui/card'
import { requirePageUser } from '@/lib/auth/session'
import { listUsers } from '@/lib/users/repo'
import { AddUserForm } from './add-user-form'
import { UsersTable } from './users-table'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.users'))('title') }
}

export default async function UsersPage() {
  const me = await requirePageUser('users:manage')
  const [users, t, tAdmin] = await Promise.all([
    listUsers(),
    getTranslations('admin.users'),
    getTranslations('admin'),
  ])
  const enabled = users.filter((u) => !u.disabled).length
  return (
    <div className="space-y-8">
      <AdminHeader
        title={t('heading')}
        description={t('summary', { total: users.length, enabled })}
      >
        <Link href="/admin/audit" className={buttonClass('secondary')} data-testid="audit-link">
          {tAdmin('auditLink')}
        </Link>
      </AdminHeader>
      <UsersTable users={users} me={me.username} />
      <section aria-labelledby="add-user-heading" className={`${cardClass()} max-w-3xl`}>
        <h2 id="add-user-heading" className="mb-1 text-lg font-semibold">
          {t('add.heading')}
        </h2>
        <p className="mb-4 text-sm text-gray-600">{t('add.intro')}</p>
        <AddUserForm />
      </section>
    </div>
  )
}
