import { getFormatter, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { PhoneLabel, phoneTable } from '@/components/ui/phone-table'
import type { UserRole } from '@/lib/users/roles'
import type { User } from '@/lib/users/types'
import { UserRowActions } from './user-row-actions'

// Role tones stay clear of the charge status colours, which mean paid / failed / waiting everywhere.
const ROLE_TONE: Record<UserRole, string> = {
  admin: 'bg-accent-soft text-accent-strong ring-blue-200',
  manager: 'bg-sky-50 text-sky-800 ring-sky-200',
  cashier: 'bg-gray-100 text-gray-700 ring-gray-200',
}

/** Every staff account, enabled first; the signed-in admin's own row is marked. */
export async function UsersTable({ users, me }: { users: User[]; me: string }) {
  const [t, tRoles, format] = await Promise.all([
    getTranslations('admin.users'),
    getTranslations('roles'),
    getFormatter(),
  ])
  const lastLogin = (at: number | null) =>
    at === null ? t('neverSignedIn') : format.dateTime(at, 'minute')
  const th = 'px-4 py-3 text-left text-sm font-medium whitespace-nowrap text-gray-600'
  // Text cells start level with the middle of the first row of 44 px controls in the last cell.
  const cell = `px-4 pt-5 pb-3 ${phoneTable.cell}`
  return (
    <Card pad="none" className="overflow-x-auto">
      <table className={`w-full min-w-[56rem] ${phoneTable.table}`}>
        <thead className={`border-b border-gray-200 bg-gray-50 ${phoneTable.head}`}>
          <tr>
            <th className={th}>{t('columns.username')}</th>
            <th className={th}>{t('columns.displayName')}</th>
            <th className={th}>{t('columns.role')}</th>
            <th className={th}>{t('columns.status')}</th>
            <th className={th}>{t('columns.lastLogin')}</th>
            <th className={th}>{t('columns.actions')}</th>
          </tr>
        </thead>
        <tbody className={`divide-y divide-gray-100 ${phoneTable.body}`}>
          {users.map((u) => (
            <tr
              key={u.id}
              id={`user-${u.username}`}
              data-testid="user-row"
              data-username={u.username}
              data-role={u.role}
              data-status={u.disabled ? 'disabled' : 'enabled'}
              // On a phone: the username and role badge, then the name, status, last sign-in and
              // the actions, each a line of its own.
              className={`align-top ${u.disabled ? 'bg-gray-50 text-gray-500' : ''} ${phoneTable.row} max-lg:grid-cols-[minmax(0,1fr)_auto] max-lg:px-4`}
            >
              <td className={`${cell} font-mono text-sm max-lg:self-center`}>{u.username}</td>
              <td className={`${cell} max-lg:col-span-2`}>
                {u.displayName}
                {u.username === me ? (
                  <span className="ml-2 text-sm whitespace-nowrap text-gray-500">{t('you')}</span>
                ) : null}
              </td>
              <td className={`${cell} max-lg:col-start-2 max-lg:row-start-1`}>
                <Badge tone={ROLE_TONE[u.role]} data-role={u.role}>
                  {tRoles(u.role)}
                </Badge>
              </td>
              <td
                className={`${cell} whitespace-nowrap max-lg:col-span-2`}
                data-testid="user-status"
              >
                {u.disabled ? (
                  <span className="inline-flex items-center gap-1.5 text-gray-500">
                    <span aria-hidden="true" className="h-2 w-2 rounded-full bg-gray-400" />
                    {t('disabled')}
                  </span>
                ) : (
                  <span className="inline-flex items-center gap-1.5 text-green-800">
                    <span aria-hidden="true" className="h-2 w-2 rounded-full bg-green-600" />
                    {t('enabled')}
                  </span>
                )}
              </td>
              <td
                className={`${cell} text-sm whitespace-nowrap tabular max-lg:col-span-2 max-lg:flex max-lg:flex-wrap max-lg:gap-x-2 max-lg:whitespace-normal`}
                data-testid="user-last-login"
              >
                <PhoneLabel>{t('columns.lastLogin')}</PhoneLabel>
                {lastLogin(u.lastLoginAt)}
              </td>
              <td className={`px-4 py-3 ${phoneTable.cell} max-lg:col-span-2 max-lg:pt-2`}>
                <UserRowActions
                  username={u.username}
                  role={u.role}
                  disabled={u.disabled}
                  self={u.username === me}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}
