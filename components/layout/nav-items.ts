import type { Permission } from '@/lib/auth/permissions'

export interface NavItem {
  href: string
  labelKey: string
  permission: Permission
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/charge/new', labelKey: 'newCharge', permission: 'charge:create' },
  { href: '/charge/today', labelKey: 'today', permission: 'charge:view' },
  { href: '/handover', labelKey: 'handover', permission: 'handover:record' },
  { href: '/charges', labelKey: 'charges', permission: 'charges:review' },
  { href: '/attention', labelKey: 'attention', permission: 'charges:review' },
  { href: '/admin/users', labelKey: 'users', permission: 'users:manage' },
  { href: '/admin/stations', labelKey: 'stations', permission: 'stations:manage' },
  { href: '/admin/settings', labelKey: 'settings', permission: 'settings:manage' },
  { href: '/admin/audit', labelKey: 'audit', permission: 'audit:view' },
]
