import { redirect } from 'next/navigation'
import { can } from '@/lib/auth/permissions'
import { requirePageUser } from '@/lib/auth/session'

/** /admin itself: admins land on staff accounts, managers on stations; cashiers are refused. */
export default async function AdminIndex() {
  const user = await requirePageUser('stations:manage')
  redirect(can(user.role, 'users:manage') ? '/admin/users' : '/admin/stations')
}
