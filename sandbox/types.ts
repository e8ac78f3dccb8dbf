/*
 * Shapes shared by the sandbox server and its control client. Kept free of node-only imports so that
 * Playwright specs and benchmarks can import the client without pulling in the server.
 */

export const PAY_WAYS = ['SCAN_WEIXIN', 'SCAN_ALIPAY'] as const
export type PayWay = (typeof PAY_WAYS)[number]

/** DMS orderStatus: 1 unpaid, 99 payer confirming, 4 paid, 3 failed, 5 refunded, 6 closed. */
export type OrderStatus = 1 | 99 | 4 | 3 | 5 | 6

export const FAULT_ENDPOINTS = ['payment', 'query', 'close', 'biz-user', 'pay-way', '*'] as const
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number]

export const FAULT_MODES = [
  'latency',
  'html500',
  'http502',
  'http503',
  'garbage',
  'truncated',
  'hang',
  'hang-after-record',
  /** The create is answered payStatus "fail" (errMsg: its payFailMessage): no QR, the attempt failed. */
  'pay-fail',
  /**
   * A query is answered with another attempt's data (the newest attempt not asked about), as a
   * misbehaving DMS or a proxy mixing up answers would: the cashier must not apply it.
   */
  'other-order',
  'reset',
  'errcode',
] as const
export type FaultMode = (typeof FAULT_MODES)[number]

/** What a test asks for. `times` omitted means the rule never runs out. */
export interface FaultRuleInput {
  endpoint?: FaultEndpoint
  mode: FaultMode
  latencyMs?: number
  errCode?: number
  errMsg?: string
  times?: number
}

/** A rule as the sandbox holds it; `remaining` null means unlimited. */
export interface FaultRule {
  id: number
  endpoint: FaultEndpoint
  mode: FaultMode
  latencyMs: number
  errCode: number | null
  errMsg: string | null
  remaining: number | null
}

export interface NotifySettings {
  drop: boolean
  duplicate: boolean
  delayMs: number
  reorder: boolean
}

export interface AutoPaySettings {
  enabled: boolean
  minMs: number
  maxMs: number
}

export interface SandboxSettings {
  payerDailyLimit: number
}

export interface RequestLogEntry {
  seq: number
  at: string
  method: string
  path: string
  params: Record<string, unknown>
  errCode?: number
  /** 0 while unanswered, and for a hang or a reset that never answers. */
  httpStatus: number
  fault?: string
}

/**
 * The fields of one payment attempt, stored (`model.ts`, epoch ms) or shown (`SandboxOrder`, ISO
 * strings): `Time` is how a time is written. Here rather than in `model.ts`, since this file is the
 * one the control client imports and must not reach the server's model.
 */
export interface AttemptFields<Time> {
  bizOrderNo: string
  orderNo: string
  bzOrder: string
  amount: number
  payWay: PayWay
  payerId: string
  recieverId: string
  payInfo: string
  errorMessage: string
  createdAt: Time
  updatedAt: Time
  expireAt: Time
  payAt: Time | null
  autoPayAt: Time | null
  /** The last notification sent for it, resent verbatim by the renotify control. */
  lastNotify: Record<string, string> | null
}

/** One payment attempt as the control surface shows it (times are ISO strings). */
export interface SandboxOrder extends AttemptFields<string> {
  orderStatus: OrderStatus
}

export interface NotificationLogEntry {
  at: string
  bizOrderNo: string
  orderStatus: string
  notifyId: string
  outcome: 'sent' | 'dropped' | 'failed'
  httpStatus?: number
  response?: string
  error?: string
}
