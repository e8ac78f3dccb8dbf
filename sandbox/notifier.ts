import { createHmac } from 'node:crypto'
import type { NotificationLogEntry, NotifySettings } from './types'

/*
 * Endpoint F: DMS's result notification to the cashier. Fire-and-forget with a short timeout: the
 * cashier being down, slow or wrong must never affect the sandbox. The control surface can make
 * notifications late, doubled, out of order or lost, because the cashier must cope with all four.
 */

export const DEFAULT_NOTIFY: NotifySettings = {
  drop: false,
  duplicate: false,
  delayMs: 0,
  reorder: false,
}

const SEND_TIMEOUT_MS = 3_000
/** With `reorder`, a notification waits this long for a later one to overtake it. */
const REORDER_HOLD_MS = 1_500
/** Gap between the two copies of a duplicated notification, and between reordered ones. */
const GAP_MS = 25
const MAX_LOG = 1_000

export interface NotifierOptions {
  url?: string
  secret?: string
  now: () => number
}

type Fields = Record<string, string>

export function signNotification(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex')
}

export class Notifier {
  private settings: NotifySettings = { ...DEFAULT_NOTIFY }
  private held: { fields: Fields; timer: NodeJS.Timeout } | null = null
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly inFlight = new Set<AbortController>()
  private log: NotificationLogEntry[] = []
  /** Sends go out one at a time, so without `reorder` the cashier sees them in order. */
  private queue: Promise<void> = Promise.resolve()
  private closed = false

  constructor(private readonly options: NotifierOptions) {}

  get enabled(): boolean {
    return Boolean(this.options.url)
  }

  getSettings(): NotifySettings {
    return { ...this.settings }
  }

  /** Replaces the behaviour: fields left out go back to their defaults. */
  configure(settings: Partial<NotifySettings>): NotifySettings {
    this.settings = { ...DEFAULT_NOTIFY, ...settings }
    return this.getSettings()
  }

  history(): NotificationLogEntry[] {
    return this.log.map((e) => ({ ...e }))
  }

  /** A status change to announce, subject to the drop/duplicate/delay/reorder settings. */
  notify(fields: Fields): void {
    if (!this.enabled) return
    if (this.settings.drop) {
      this.record(fields, { outcome: 'dropped' })
      return
    }
    if (!this.settings.reorder) {
      this.schedule(fields, 0)
      return
    }
    if (!this.held) {
      const timer = this.later(REORDER_HOLD_MS, () => this.releaseHeld())
      this.held = { fields, timer }
      return
    }
    // A later notification overtakes the held one: send it first, the older one just after.
    const older = this.held.fields
    this.cancel(this.held.timer)
    this.held = null
    this.schedule(fields, 0)
    this.schedule(older, GAP_MS * 2)
  }

  /** The renotify control: sends exactly these fields once more, now, whatever the settings. */
  resend(fields: Fields): void {
    if (this.enabled) this.enqueue(fields)
  }

  reset(): void {
    this.cancelAll()
    this.settings = { ...DEFAULT_NOTIFY }
    this.log = []
  }

  close(): void {
    this.closed = true
    this.cancelAll()
    for (const c of this.inFlight) c.abort()
  }

  private releaseHeld(): void {
    const held = this.held
    this.held = null
    if (held) this.schedule(held.fields, 0)
  }

  private schedule(fields: Fields, extraDelay: number): void {
    const copies = this.settings.duplicate ? 2 : 1
    for (let i = 0; i < copies; i++) {
      const delay = this.settings.delayMs + extraDelay + i * GAP_MS
      if (delay === 0) this.enqueue(fields)
      else this.later(delay, () => this.enqueue(fields))
    }
  }

  private enqueue(fields: Fields): void {
    this.queue = this.queue.then(() => this.post(fields))
  }

  /** Never rejects: every outcome ends up in the log. */
  private async post(fields: Fields): Promise<void> {
    const url = this.options.url
    if (!url || this.closed) return
    const body = new URLSearchParams(fields).toString()
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }
    // Without a secret there is nothing to sign with; the cashier must then refuse the notification.
    if (this.options.secret)
      headers['X-DMS-Signature'] = signNotification(body, this.options.secret)
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), SEND_TIMEOUT_MS)
    this.inFlight.add(controller)
    try {
      const res = await fetch(url, { method: 'POST', headers, body, signal: controller.signal })
      const text = (await res.text()).slice(0, 200)
      this.record(fields, {
        outcome: res.ok ? 'sent' : 'failed',
        httpStatus: res.status,
        response: text,
      })
    } catch (e) {
      this.record(fields, { outcome: 'failed', error: (e as Error).message })
    } finally {
      clearTimeout(timer)
      this.inFlight.delete(controller)
    }
  }

  private record(
    fields: Fields,
    result: Omit<NotificationLogEntry, 'at' | 'bizOrderNo' | 'orderStatus' | 'notifyId'>,
  ) {
    this.log.push({
      at: new Date(this.options.now()).toISOString(),
      bizOrderNo: fields.bizOrderNo ?? '',
      orderStatus: fields.orderStatus ?? '',
      notifyId: fields.notifyId ?? '',
      ...result,
    })
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG)
  }

  private later(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, ms)
    this.timers.add(timer)
    return timer
  }

  private cancel(timer: NodeJS.Timeout): void {
    clearTimeout(timer)
    this.timers.delete(timer)
  }

  private cancelAll(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.held = null
  }
}
