/*
 * How long to wait before asking DMS again after it failed us, for queries (the sweep's next look)
 * and for closes alike: the interval, doubled per failure in a row, at most five minutes. Pure.
 */

export const MAX_RETRY_DELAY_MS = 5 * 60_000

/** The wait after `failures` failures in a row (0: no failure, just the interval). */
export function retryDelay(failures: number, intervalMs: number): number {
  if (failures <= 0) return intervalMs
  return Math.min(MAX_RETRY_DELAY_MS, intervalMs * 2 ** Math.min(failures, 8))
}

/**
 * Whether a requested close may be sent to DMS now: always the first time, then only once the
 * back-off after the last refusal has run out. A person pressing cancel again does not wait.
 */
export function closeDue(charge: { closeRetryAt: number | null }, now: number): boolean {
  return charge.closeRetryAt === null || now >= charge.closeRetryAt
}
