export const ROLES = ['cashier', 'manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  cashier: '/charge/new',
  manager: '/charges',
  admin: '/admin/users',
}
