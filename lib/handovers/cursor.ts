import { z } from 'zod'

/*
 * 交班记录 is paged newest first by (created_at, id): a page's last record is where the next, older
 * page starts. In the address as `?before=<created_at>.<id>`; pure and client-safe.
 */

export interface HandoverCursor {
  /** The last shown record's created_at (epoch ms). */
  at: number
  /** Its id: two records of the same millisecond still page in one order. */
  id: string
}

/** A record id as recordHandover makes it (newId: a UUID), or any plain id up to 64 characters. */
const cursorSchema = z
  .string()
  .max(90)
  .regex(/^(\d{1,15})\.([A-Za-z0-9-]{1,64})$/)
  .transform((text): HandoverCursor => {
    const dot = text.indexOf('.')
    return { at: Number(text.slice(0, dot)), id: text.slice(dot + 1) }
  })

/** `?before=` read: a cursor, or null (the newest page) for a missing or malformed one. */
export function parseHandoverCursor(value: string | string[] | undefined): HandoverCursor | null {
  const text = Array.isArray(value) ? value[0] : value
  const parsed = cursorSchema.safeParse(text)
  return parsed.success ? parsed.data : null
}

export const cursorText = (c: HandoverCursor) => `${c.at}.${c.id}`
