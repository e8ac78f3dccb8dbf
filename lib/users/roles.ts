import type { UserRole } from '@/lib/db/schema'

/*
 * Client-safe (no server-only): forms and permission checks in the browser may import these.
 */

export type { UserRole }

/** From least to most privileged. */
export const USER_ROLES = ['cashier', 'manager', 'admin'] as const satisfies readonly UserRole[]

// Fails to compile if a role is added to the schema type but not to the list above.
const _allRolesListed: Exclude<UserRole, (typeof USER_ROLES)[number]> extends never ? true : never =
  true
void _allRolesListed

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value)
}
