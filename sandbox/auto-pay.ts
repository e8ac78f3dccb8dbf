import type { Attempt } from './model'
import type { AutoPaySettings } from './types'

/*
 * Demo mode: every new QR is scanned, then paid, after a random delay like a real customer's. The
 * planned times are stored on the attempt, so a restarted sandbox re-arms what was pending.
 */

export const DEFAULT_AUTO_PAY: AutoPaySettings = { enabled: false, minMs: 20_000, maxMs: 90_000 }

export interface AutoPayDeps {
  now: () => number
  between: (min: number, max: number) => number
  /** Applies the step; the engine ignores it if the attempt has moved on meanwhile. */
  act: (bizOrderNo: string, action: 'scan' | 'pay') => void
}

export class AutoPayer {
  private settings: AutoPaySettings = { ...DEFAULT_AUTO_PAY }
  private readonly timers = new Map<string, NodeJS.Timeout[]>()

  constructor(private readonly deps: AutoPayDeps) {}

  getSettings(): AutoPaySettings {
    return { ...this.settings }
  }

  /** Takes effect for attempts created from now on; turning it off cancels what is pending. */
  configure(settings: AutoPaySettings): AutoPaySettings {
    this.settings = { ...settings }
    if (!settings.enabled) this.disarmAll()
    return this.getSettings()
  }

  /** The scan and pay times for a new attempt, or null when auto-pay is off. */
  plan(createdAt: number): { autoScanAt: number; autoPayAt: number } | null {
    if (!this.settings.enabled) return null
    const delay = this.deps.between(this.settings.minMs, this.settings.maxMs)
    // The customer scans first and confirms a while later, like the 99 → 4 step of a real payment.
    return { autoScanAt: createdAt + Math.round((delay * 2) / 3), autoPayAt: createdAt + delay }
  }

  /** Sets timers for the steps still ahead of `attempt` (past ones run at once). */
  arm(attempt: Attempt): void {
    this.disarm(attempt.bizOrderNo)
    const steps: Array<['scan' | 'pay', number | null]> = [
      ['scan', attempt.status === 1 ? attempt.autoScanAt : null],
      ['pay', attempt.autoPayAt],
    ]
    const timers: NodeJS.Timeout[] = []
    for (const [action, at] of steps) {
      if (at === null) continue
      const delay = Math.max(0, at - this.deps.now())
      timers.push(setTimeout(() => this.deps.act(attempt.bizOrderNo, action), delay))
    }
    if (timers.length > 0) this.timers.set(attempt.bizOrderNo, timers)
  }

  disarm(bizOrderNo: string): void {
    for (const t of this.timers.get(bizOrderNo) ?? []) clearTimeout(t)
    this.timers.delete(bizOrderNo)
  }

  disarmAll(): void {
    for (const key of [...this.timers.keys()]) this.disarm(key)
  }
}
