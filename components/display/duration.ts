/** Seconds as the largest whole unit a person reads at a glance: "40 秒", "3 分钟", "2 小时", "5 天". */
export function durationParts(totalSec: number): {
  unit: 'seconds' | 'minutes' | 'hours' | 'days'
  n: number
} {
  const s = Math.max(0, Math.floor(totalSec))
  if (s < 60) return { unit: 'seconds', n: s }
  if (s < 3600) return { unit: 'minutes', n: Math.floor(s / 60) }
  if (s < 86_400) return { unit: 'hours', n: Math.floor(s / 3600) }
  return { unit: 'days', n: Math.floor(s / 86_400) }
}
