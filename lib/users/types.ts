import type { UserRole } from './roles'

/** A staff account as the rest of the app sees it: never with its password hash. */
export interface User {
  id: string
  username: string
  displayName: string
  role: UserRole
  disabled: boolean
  createdAt: number
  updatedAt: number
  lastLoginAt: number | null
  /** A session made under an older version has ended (lib/auth/staff-user.ts). */
  sessionVersion: number
}
