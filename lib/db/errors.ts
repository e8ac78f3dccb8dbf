import 'server-only'

/**
 * True when `err` is a UNIQUE (or primary key) violation, on either dialect. With `column`, only when
 * that column's index was the one violated, e.g. isUniqueViolation(err, 'open_bill').
 */
export function isUniqueViolation(err: unknown, column?: string): boolean {
  if (!(err instanceof Error)) return false
  const e = err as Error & { code?: unknown; detail?: unknown; constraint?: unknown }
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // "UNIQUE constraint failed: charges.open_bill"
    return column === undefined || new RegExp(`\\.${column}(,|$)`).test(e.message)
  }
  if (e.code === '23505') {
    // detail: 'Key (open_bill)=(B1) already exists.'
    return (
      column === undefined || (typeof e.detail === 'string' && e.detail.includes(`(${column})`))
    )
  }
  return false
}
