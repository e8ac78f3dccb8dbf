/*
 * How an audit entry's parts read in the table. Pure, so the formatting is tested without a page.
 */

const MAX_DETAIL = 240

/** The detail as one line of JSON, cut at a readable length (the full text goes in a tooltip). */
export function compactDetail(detail: unknown): { short: string; full: string } | null {
  if (detail === null || detail === undefined) return null
  const full = typeof detail === 'string' ? detail : JSON.stringify(detail)
  if (full === undefined) return null
  return { short: full.length > MAX_DETAIL ? `${full.slice(0, MAX_DETAIL - 1)}…` : full, full }
}

/** `?before=` as a positive whole id, or null (first page) for anything else. */
export function parseBefore(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value
  if (!text || !/^\d{1,15}$/.test(text)) return null
  const n = Number(text)
  return n > 0 ? n : null
}
