import type { Role } from './roles'

/*
 * Role → what it may do, in one table so an audit of "who can do what" reads one file.
 * Managers and admins can take payments too: in a small shop the manager covers the desk.
 */
export const PERMISSIONS = {
  'charge:create': ['cashier', 'manager', 'admin'],
  'charge:view': ['cashier', 'manager', 'admin'],
  'charge:cancel': ['cashier', 'manager', 'admin'],
  'charges:review': ['manager', 'admin'],
  // 交班: a cashier hands over their own shift; managers any station's or cashier's, and browse past ones.
  'handover:record': ['cashier', 'manager', 'admin'],
  'handovers:review': ['manager', 'admin'],
  'charges:export': ['manager', 'admin'],
  'charges:recheck': ['manager', 'admin'],
  // Settling a stuck charge by hand (after DMS failed a fresh query): it decides where money went.
  'charges:settle': ['manager', 'admin'],
  'stations:manage': ['manager', 'admin'],
  'users:manage': ['admin'],
  'settings:manage': ['admin'],
  'audit:view': ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}
