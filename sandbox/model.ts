import type { AttemptFields, OrderStatus, SandboxSettings } from './types'

/** A payment attempt as the sandbox stores it. Times are epoch milliseconds. */
export interface Attempt extends AttemptFields<number> {
  status: OrderStatus
  /** Set while auto-pay has this attempt scheduled, so a restart can re-arm it. */
  autoScanAt: number | null
}

/** Everything that survives a restart. */
export interface SandboxState {
  /** Oldest first; views reverse it. */
  orders: Attempt[]
  /** Per China date: payer id -> attempts created that day. Only today's date is kept. */
  daily: { day: string; counts: Record<string, number> }
  /** Next bizOrderNo sequence for the China date `day`. Survives a reset so numbers never repeat. */
  bizSeq: { day: string; next: number }
  settings: SandboxSettings
}

export const DEFAULT_SANDBOX_SETTINGS: SandboxSettings = { payerDailyLimit: 10 }

export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = [1, 99]

/** The statuses DMS notifies the cashier about. */
export const NOTIFY_STATUSES: readonly OrderStatus[] = [4, 3, 6, 5]

/** QR lifetime before the scan, as the payment network gives it. */
export const QR_LIFETIME_MS = 2 * 60 * 60 * 1000

export function emptyState(): SandboxState {
  return {
    orders: [],
    daily: { day: '', counts: {} },
    bizSeq: { day: '', next: 0 },
    settings: { ...DEFAULT_SANDBOX_SETTINGS },
  }
}

export function isOpenAttempt(a: Attempt): boolean {
  return OPEN_ORDER_STATUSES.includes(a.status)
}
