import { useTranslations } from 'next-intl'
import type { UserRole } from '@/lib/users/roles'

// Role tones stay clear of the charge status colours, which mean paid / failed / waiting everywhere.
const TONE: Record<UserRole, string> = {
  admin: 'bg-accent-soft text-accent-strong ring-blue-200',
  manager: 'bg-sky-50 text-sky-800 ring-sky-200',
  cashier: 'bg-gray-100 text-gray-700 ring-gray-200',
}

export function RoleBadge({ role }: { role: UserRole }) {
  const t = useTranslations('roles')
  return (
    <span
      data-role={role}
      className={`inline-flex items-center rounded-full whitespace-nowrap px-2.5 py-0.5 text-sm font-medium ring-1 ${TONE[role]}`}
    >
      {t(role)}
    </span>
  )
}
