import { z } from 'zod'
import { USER_ROLES } from './roles'

/*
 * Client-safe (no server-only): the manager's user forms validate with the same rules.
 */

/** 3–32 of a-z 0-9 . _ -; input is trimmed and lower-cased first, so "Bob" is "bob". */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Username must be at least 3 characters')
  .max(32, 'Username must be at most 32 characters')
  .regex(/^[a-z0-9._-]+$/, 'Username may contain only letters, digits, ".", "_" and "-"')

/** Note: bcrypt only uses a password's first 72 bytes; 128 characters is a limit on input size. */
export const passwordSchema = z
  .string()
  .min(8, 'Password must be at least 8 characters')
  .max(128, 'Password must be at most 128 characters')

export const roleSchema = z.enum(USER_ROLES, { message: 'Role must be cashier, manager or admin' })

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Display name must not be empty')
  .max(40, 'Display name must be at most 40 characters')

export const newUserSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  role: roleSchema,
  /** Defaults to the username. */
  displayName: displayNameSchema.optional(),
})

export type NewUserInput = z.input<typeof newUserSchema>
