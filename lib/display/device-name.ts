import { z } from 'zod'

/*
 * Client-safe (no server-only): the rename form and lib/display check the same rule. A tablet's name
 * is what the manager tells it apart by in the list ("收银台左侧平板"), so it must be short enough to
 * read at a glance and carry no line breaks or control characters that would break the row.
 */
export const deviceNameSchema = z
  .string()
  .trim()
  .min(1, 'Tablet name must not be empty')
  .max(30, 'Tablet name must be at most 30 characters')
  .regex(/^[^\p{Cc}\p{Cf}]*$/u, 'Tablet name must not contain control characters')
