/*
 * Keyset paging over (created_at, id), newest first. A cursor is the key of the row next to the page
 * boundary, written `<created_at>.<id>` so a URL stays short and readable. Paging by key rather than
 * offset keeps every page as fast as the first and never skips or repeats a row when new charges
 * arrive while someone is reading.
 */

export interface Cursor {
  createdAt: number
  id: string
}

const CURSOR = /^(\d{1,16})\.([A-Za-z0-9-]{1,64})$/

export function encodeCursor(c: Cursor): string {
  return `${c.createdAt}.${c.id}`
}

/** Null for anything that is not a cursor we wrote: a damaged URL then shows the first page. */
export function decodeCursor(text: string | null | undefined): Cursor | null {
  if (!text) return null
  const m = CURSOR.exec(text)
  if (!m) return null
  const createdAt = Number(m[1])
  if (!Number.isSafeInteger(createdAt)) return null
  return { createdAt, id: m[2]! }
}

/** Which page to read: older than `after`, newer than `before`, or the newest. */
export type PageRequest =
  { kind: 'first' } | { kind: 'after'; cursor: Cursor } | { kind: 'before'; cursor: Cursor }

export function pageRequest(after?: string | null, before?: string | null): PageRequest {
  const a = decodeCursor(after)
  if (a) return { kind: 'after', cursor: a }
  const b = decodeCursor(before)
  if (b) return { kind: 'before', cursor: b }
  return { kind: 'first' }
}
