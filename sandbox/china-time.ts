/*
 * DMS speaks China Standard Time (UTC+8, no daylight saving) whatever the host's time zone, so shift
 * by a fixed 8 h and read the UTC fields.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function chinaParts(ms: number) {
  const d = new Date(ms + CHINA_OFFSET_MS)
  return {
    y: d.getUTCFullYear(),
    mo: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    mi: pad(d.getUTCMinutes()),
    s: pad(d.getUTCSeconds()),
  }
}

/** `yyyyMMdd` in China time: the day the payer's daily limit counts against. */
export function chinaDay(ms: number): string {
  const p = chinaParts(ms)
  return `${p.y}${p.mo}${p.d}`
}

/** `yyyy-MM-dd HH:mm:ss` in China time, as DMS formats datetimes. */
export function chinaDateTime(ms: number): string {
  const p = chinaParts(ms)
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`
}
