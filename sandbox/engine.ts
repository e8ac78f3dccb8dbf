import { AutoPayer, DEFAULT_AUTO_PAY } from './auto-pay'
import { createIdSource, type IdSource } from './ids'
import {
  DEFAULT_SANDBOX_SETTINGS,
  isOpenAttempt,
  NOTIFY_STATUSES,
  type Attempt,
  type SandboxState,
} from './model'
import { Notifier } from './notifier'
import {
  attemptsForBill,
  clearAutoPayPlans,
  closeAttempt,
  createAttempt,
  expireDue,
  findAttempt,
  replaceAttempt,
  resetState,
  type CloseOutcome,
  type Outcome,
} from './state'
import { createStore, type Store } from './store'
import { applyAction, type ControlAction } from './transitions'
import type { AutoPaySettings, SandboxSettings } from './types'
import type { PaymentParams, QueryKey } from './validate'
import { notifyFields } from './views'

/*
 * The sandbox's orders and everything that follows from a change to one: saving, notifying the
 * cashier, arming auto-pay. Routes call this; it knows nothing of HTTP.
 */

export interface EngineOptions {
  dataFile: string | null
  notifyUrl?: string
  notifySecret?: string
  autoPay?: boolean
  now: () => number
  random: () => number
}

export type ActOutcome =
  { ok: true; attempt: Attempt } | { ok: false; status: 404 | 409; error: string }

export class SandboxEngine {
  readonly notifier: Notifier
  private readonly autoPayer: AutoPayer
  private readonly ids: IdSource
  private readonly store: Store
  private state: SandboxState
  private readonly now: () => number

  constructor(options: EngineOptions) {
    this.now = options.now
    this.ids = createIdSource(options.random)
    this.notifier = new Notifier({
      url: options.notifyUrl,
      secret: options.notifySecret,
      now: options.now,
    })
    this.autoPayer = new AutoPayer({
      now: options.now,
      between: this.ids.between,
      act: (no, action) => this.autoStep(no, action),
    })
    this.store = createStore(options.dataFile, () => ({
      state: this.state,
      autoPay: this.autoPayer.getSettings(),
    }))
    const loaded = this.store.load()
    this.state = loaded.state
    const autoPay = options.autoPay ? { ...DEFAULT_AUTO_PAY, enabled: true } : loaded.autoPay
    if (autoPay) this.autoPayer.configure(autoPay)
    // A restart must not forget the QRs a demo customer is about to pay.
    if (autoPay?.enabled)
      for (const a of this.state.orders) if (isOpenAttempt(a)) this.autoPayer.arm(a)
  }

  /** Lazy expiry: run before serving any request, so every answer sees expired QRs as closed. */
  sweep(): void {
    for (const a of expireDue(this.state, this.now())) this.changed(a)
  }

  createPayment(params: PaymentParams): Outcome<Attempt> {
    const now = this.now()
    const result = createAttempt(this.state, params, {
      now,
      orderNo: this.ids.orderNo,
      payInfo: this.ids.payInfo,
      seqStart: this.ids.seqStart,
    })
    if (!result.ok) return result
    const plan = this.autoPayer.plan(now)
    const attempt = plan ? { ...result.value, ...plan } : result.value
    replaceAttempt(this.state, attempt)
    if (plan) this.autoPayer.arm(attempt)
    this.store.markDirty()
    return { ok: true, value: attempt }
  }

  find(key: QueryKey): Attempt | undefined {
    return 'bizOrderNo' in key
      ? findAttempt(this.state, key.bizOrderNo)
      : attemptsForBill(this.state, key.bzOrder)[0]
  }

  /** All attempts newest first, or those of one bill. */
  list(bzOrder?: string): Attempt[] {
    return bzOrder === undefined
      ? [...this.state.orders].reverse()
      : attemptsForBill(this.state, bzOrder)
  }

  close(bizOrderNo: string): CloseOutcome {
    const outcome = closeAttempt(this.state, bizOrderNo, this.now())
    if (outcome.kind === 'closed' && outcome.changed) this.changed(outcome.attempt)
    return outcome
  }

  act(bizOrderNo: string, action: ControlAction, message?: string): ActOutcome {
    const attempt = findAttempt(this.state, bizOrderNo)
    if (!attempt) return { ok: false, status: 404, error: `order ${bizOrderNo} not found` }
    const result = applyAction(attempt, action, this.now(), message)
    if (!result.ok) return { ok: false, status: 409, error: result.reason }
    replaceAttempt(this.state, result.attempt)
    this.changed(result.attempt)
    return { ok: true, attempt: this.findOrThrow(bizOrderNo) }
  }

  /**
   * A create the network refused (fault `pay-fail`): the attempt just made is failed at once, with
   * the network's words. No notification: DMS said it in the create's own answer.
   */
  failAtCreate(bizOrderNo: string, message?: string): Attempt | null {
    const attempt = findAttempt(this.state, bizOrderNo)
    const result = attempt ? applyAction(attempt, 'fail', this.now(), message) : null
    if (!result?.ok) return null
    this.autoPayer.disarm(bizOrderNo)
    replaceAttempt(this.state, result.attempt)
    this.store.markDirty()
    return result.attempt
  }

  renotify(bizOrderNo: string): ActOutcome {
    const attempt = findAttempt(this.state, bizOrderNo)
    if (!attempt) return { ok: false, status: 404, error: `order ${bizOrderNo} not found` }
    if (!attempt.lastNotify) {
      return { ok: false, status: 409, error: `order ${bizOrderNo} has not been notified yet` }
    }
    if (!this.notifier.enabled)
      return { ok: false, status: 409, error: 'no notify URL is configured' }
    this.notifier.resend(attempt.lastNotify)
    return { ok: true, attempt }
  }

  settings(): SandboxSettings {
    return { ...this.state.settings }
  }

  updateSettings(patch: Partial<SandboxSettings>): SandboxSettings {
    this.state.settings = { ...this.state.settings, ...patch }
    this.store.markDirty()
    return this.settings()
  }

  autoPay(): AutoPaySettings {
    return this.autoPayer.getSettings()
  }

  configureAutoPay(settings: AutoPaySettings): AutoPaySettings {
    const result = this.autoPayer.configure(settings)
    if (!settings.enabled) clearAutoPayPlans(this.state)
    this.store.markDirty()
    return result
  }

  reset(): void {
    this.autoPayer.configure({ ...DEFAULT_AUTO_PAY })
    this.notifier.reset()
    resetState(this.state, DEFAULT_SANDBOX_SETTINGS)
    this.store.markDirty()
  }

  shutdown(): void {
    this.autoPayer.disarmAll()
    this.notifier.close()
    this.store.flush()
  }

  private autoStep(bizOrderNo: string, action: 'scan' | 'pay'): void {
    this.sweep()
    const attempt = findAttempt(this.state, bizOrderNo)
    // The cashier may have closed it, or the QR expired: a real customer could not pay it either.
    if (!attempt || !isOpenAttempt(attempt)) return
    if (action === 'scan' && attempt.status !== 1) return
    this.act(bizOrderNo, action)
  }

  private findOrThrow(bizOrderNo: string): Attempt {
    const attempt = findAttempt(this.state, bizOrderNo)
    if (!attempt) throw new Error(`order ${bizOrderNo} vanished`)
    return attempt
  }

  /** After `attempt` (already in the state) changed: stop its timers, notify, save. */
  private changed(attempt: Attempt): void {
    let current = attempt
    if (!isOpenAttempt(current)) this.autoPayer.disarm(current.bizOrderNo)
    if (NOTIFY_STATUSES.includes(current.status)) {
      const fields = notifyFields(current, this.ids.notifyId(), this.now())
      current = { ...current, lastNotify: fields }
      replaceAttempt(this.state, current)
      this.notifier.notify(fields)
    }
    this.store.markDirty()
  }
}
