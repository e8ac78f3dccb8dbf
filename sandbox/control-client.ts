import type {
  AutoPaySettings,
  FaultRule,
  FaultRuleInput,
  NotificationLogEntry,
  NotifySettings,
  RequestLogEntry,
  SandboxOrder,
  SandboxSettings,
} from './types'

/*
 * A typed client for the sandbox's /__control/ surface, for end-to-end tests and benchmarks. Uses
 * only fetch, so it runs in Playwright, Vitest and plain Node alike.
 */

export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    const detail =
      typeof body === 'object' && body !== null && 'error' in body
        ? String(body.error)
        : String(body)
    super(`sandbox control ${what} failed (${status}): ${detail}`)
    this.name = 'SandboxControlError'
  }
}

export interface SandboxControl {
  health(): Promise<{ ok: true }>
  orders(): Promise<SandboxOrder[]>
  order(bizOrderNo: string): Promise<SandboxOrder>
  /** The bill's attempts, newest first. */
  ordersForBill(bzOrder: string): Promise<SandboxOrder[]>
  /**
   * Polls until the bill has at least `count` attempts, newest first: for e2e tests that must act on
   * the attempt the cashier just created.
   */
  waitForOrders(
    bzOrder: string,
    opts?: { count?: number; timeoutMs?: number },
  ): Promise<SandboxOrder[]>
  scan(bizOrderNo: string): Promise<SandboxOrder>
  pay(bizOrderNo: string): Promise<SandboxOrder>
  fail(bizOrderNo: string, message?: string): Promise<SandboxOrder>
  close(bizOrderNo: string): Promise<SandboxOrder>
  expire(bizOrderNo: string): Promise<SandboxOrder>
  refund(bizOrderNo: string): Promise<SandboxOrder>
  renotify(bizOrderNo: string): Promise<SandboxOrder>
  addFault(rule: FaultRuleInput): Promise<FaultRule>
  faults(): Promise<FaultRule[]>
  clearFaults(): Promise<void>
  /** Latency for every endpoint (0 removes it); endpoint-specific latency goes through addFault. */
  latency(ms: number): Promise<FaultRule[]>
  /** Replaces the notification behaviour; fields left out go back to their defaults. */
  setNotify(opts: Partial<NotifySettings>): Promise<NotifySettings>
  getNotify(): Promise<NotifySettings>
  /** What the sandbox sent to the notify URL, and how it went (newest last). */
  notifications(): Promise<NotificationLogEntry[]>
  autoPay(opts: { enabled: boolean; minMs?: number; maxMs?: number }): Promise<AutoPaySettings>
  getAutoPay(): Promise<AutoPaySettings>
  /** Reads the settings, or changes the given ones first. */
  settings(opts?: Partial<SandboxSettings>): Promise<SandboxSettings>
  requests(filter?: { since?: number; path?: string }): Promise<RequestLogEntry[]>
  clearRequests(): Promise<void>
  reset(): Promise<void>
}

export function sandboxControl(baseUrl: string): SandboxControl {
  const root = `${baseUrl.replace(/\/+$/, '')}/__control`

  async function call<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const res = await fetch(`${root}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // Keep the raw text for the error message.
    }
    if (!res.ok) throw new SandboxControlError(res.status, parsed, `${method} ${path}`)
    return parsed as T
  }

  const order = (no: string, action?: string, body?: unknown) => {
    const path = `/orders/${encodeURIComponent(no)}${action ? `/${action}` : ''}`
    return action ? call<SandboxOrder>('POST', path, body ?? {}) : call<SandboxOrder>('GET', path)
  }

  const ordersForBill = (bz: string) =>
    call<SandboxOrder[]>('GET', `/orders?bz_order=${encodeURIComponent(bz)}`)

  async function waitForOrders(bz: string, opts: { count?: number; timeoutMs?: number } = {}) {
    const count = opts.count ?? 1
    const deadline = Date.now() + (opts.timeoutMs ?? 5_000)
    for (;;) {
      const found = await ordersForBill(bz)
      if (found.length >= count) return found
      if (Date.now() > deadline) {
        throw new Error(`sandbox: bill ${bz} has ${found.length} attempt(s), expected ${count}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  return {
    health: () => call('GET', '/health'),
    orders: () => call('GET', '/orders'),
    order: (no) => order(no),
    ordersForBill,
    waitForOrders,
    scan: (no) => order(no, 'scan'),
    pay: (no) => order(no, 'pay'),
    fail: (no, message) => order(no, 'fail', message === undefined ? {} : { message }),
    close: (no) => order(no, 'close'),
    expire: (no) => order(no, 'expire'),
    refund: (no) => order(no, 'refund'),
    renotify: (no) => order(no, 'renotify'),
    addFault: (rule) => call('POST', '/faults', rule),
    faults: () => call('GET', '/faults'),
    clearFaults: async () => void (await call('DELETE', '/faults')),
    latency: (ms) => call('POST', '/latency', { ms }),
    setNotify: (opts) => call('POST', '/notify', opts),
    getNotify: () => call('GET', '/notify'),
    notifications: () => call('GET', '/notifications'),
    autoPay: (opts) => call('POST', '/auto-pay', opts),
    getAutoPay: () => call('GET', '/auto-pay'),
    settings: (opts) => (opts ? call('POST', '/settings', opts) : call('GET', '/settings')),
    requests: (filter = {}) => {
      const q = new URLSearchParams()
      if (filter.since !== undefined) q.set('since', String(filter.since))
      if (filter.path !== undefined) q.set('path', filter.path)
      const qs = q.toString()
      return call('GET', `/requests${qs ? `?${qs}` : ''}`)
    },
    clearRequests: async () => void (await call('DELETE', '/requests')),
    reset: async () => void (await call('POST', '/reset')),
  }
}
