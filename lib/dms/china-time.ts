/*
 * DMS writes times as "yyyy-MM-dd HH:mm:ss" wall-clock time in China (UTC+8, no daylight saving).
 * Parsing them with `new Date(text)` would read them in the server's own zone, so the offset is applied
 * by hand.
 */

const CHINA_OFFSET_HOURS = 8
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/

/** `null` for an empty value or MySQL's zero date; `undefined` when the text is not a valid time. */
export function parseChinaTime(value: unknown): Date | null | undefined {
  if (value === null || value === undefined) return null
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (text === '' || text.startsWith('0000-00-00')) return null
  const m = PATTERN.exec(text)
  if (!m) return undefined
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const ms = Date.UTC(y, mo - 1, d, h - CHINA_OFFSET_HOURS, mi, s)
  const date = new Date(ms)
  // Date.UTC rolls "02-30" over into March; reject instead of storing a different day.
  const back = new Date(ms + CHINA_OFFSET_HOURS * 3_600_000)
  const valid =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi &&
    back.getUTCSeconds() === s
  return valid ? date : undefined
}
