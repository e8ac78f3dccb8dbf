const DAY = 86_400_000
const BEIJING_OFFSET = 8 * 3_600_000

/** Midnight in Beijing (UTC+8, no DST) of the day that contains `at`, as epoch ms. */
export function beijingDayStart(at: number): number {
  return Math.floor((at + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET
}
