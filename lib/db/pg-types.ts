import 'server-only'
import pg from 'pg'
import type { CustomTypesConfig } from 'pg'

const INT8 = 20
const NUMERIC = 1700

/*
 * node-postgres returns int8 and numeric as strings because they can exceed 2^53. Ours are
 * milliseconds, fen, autoincrement ids and sum()/count() of those: all far below 2^53, and the
 * SQLite driver already returns numbers. Parse them so both dialects give callers the same types,
 * and refuse (rather than round) anything that would not fit.
 * Installed per pool, not globally, so no other pg user in the process is affected.
 */
function toSafeNumber(text: string): number {
  const n = Number(text)
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) {
    throw new RangeError(`Database number ${text} does not fit a JS number`)
  }
  return n
}

export const pgTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if ((oid === INT8 || oid === NUMERIC) && format !== 'binary') return toSafeNumber
    return pg.types.getTypeParser(oid, format)
  }) as CustomTypesConfig['getTypeParser'],
}
