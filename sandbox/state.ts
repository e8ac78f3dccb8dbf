import { chinaDay } from './china-time'
import { ERR, fail, type DmsFailure } from './errors'
import { findPayer, findReceiver } from './fixtures'
import { formatBizOrderNo } from './ids'
import { isOpenAttempt, QR_LIFETIME_MS, type Attempt, type SandboxState } from './model'
import { applyAction, isExpired } from './transitions'
import type { PaymentParams } from './validate'
import type { PayWay } from './types'

/*
 * The sandbox's bookkeeping over all attempts: the business rules of endpoint A, lookups, lazy expiry
 * and DMS close. No I/O: callers pass the clock and the id generators, and persist/notify afterwards.
 * Functions update `state` in place (it is the sandbox's single in-memory record).
 */

export interface CreateContext {
  now: number
  orderNo: (now: number) => string
  payInfo: (payWay: PayWay) => string
  seqStart: () => number
}

export type Outcome<T> = { ok: true; value: T } | DmsFailure

export function findAttempt(state: SandboxState, bizOrderNo: string): Attempt | undefined {
  return state.orders.find((a) => a.bizOrderNo === bizOrderNo)
}

/** The bill's attempts, newest first. */
export function attemptsForBill(state: SandboxState, bzOrder: string): Attempt[] {
  return state.orders.filter((a) => a.bzOrder === bzOrder).reverse()
}

export function replaceAttempt(state: SandboxState, attempt: Attempt): void {
  const i = state.orders.findIndex((a) => a.bizOrderNo === attempt.bizOrderNo)
  if (i >= 0) state.orders[i] = attempt
}

/** The business checks of endpoint A, in the order DMS is assumed to run them. */
function checkPayment(state: SandboxState, p: PaymentParams, today: string): DmsFailure | null {
  if (!findPayer(p.payerId)) return fail(ERR.payerNotFound)
  const receiver = findReceiver(p.recieverId)
  if (!receiver) return fail(ERR.receiverNotFound)
  const bill = attemptsForBill(state, p.bzOrder)
  if (bill.some((a) => a.status === 4)) return fail(ERR.alreadyPaid)
  const open = bill.find((a) => isOpenAttempt(a) && a.amount !== p.amount)
  if (open) {
    return fail(
      ERR.amountMismatch,
      `支付金额与该单据未完成的支付单金额不一致（支付单 ${open.bizOrderNo} 金额 ${open.amount} 分）`,
    )
  }
  if (receiver.status !== 1) return fail(ERR.receiverUnverified)
  if (!receiver.pay_ways.includes(p.payWay)) return fail(ERR.payWayDisabled)
  const used = state.daily.day === today ? (state.daily.counts[p.payerId] ?? 0) : 0
  const limit = state.settings.payerDailyLimit
  if (used >= limit) {
    return fail(
      ERR.dailyLimit,
      `付款账户今日支付笔数已达上限（${limit} 笔），请明日再试或更换付款账户`,
    )
  }
  return null
}

function nextBizOrderNo(state: SandboxState, today: string, seqStart: () => number): string {
  if (state.bizSeq.day !== today) state.bizSeq = { day: today, next: seqStart() }
  // A restored or hand-edited file could already hold the number: skip until it is unused.
  for (;;) {
    const no = formatBizOrderNo(today, state.bizSeq.next)
    state.bizSeq.next += 1
    if (!findAttempt(state, no)) return no
  }
}

/** Endpoint A. Every success is a new attempt, even for a bill that already has an open one. */
export function createAttempt(
  state: SandboxState,
  p: PaymentParams,
  ctx: CreateContext,
): Outcome<Attempt> {
  const today = chinaDay(ctx.now)
  const refusal = checkPayment(state, p, today)
  if (refusal) return refusal
  if (state.daily.day !== today) state.daily = { day: today, counts: {} }
  state.daily.counts[p.payerId] = (state.daily.counts[p.payerId] ?? 0) + 1
  const attempt: Attempt = {
    bizOrderNo: nextBizOrderNo(state, today, ctx.seqStart),
    orderNo: ctx.orderNo(ctx.now),
    bzOrder: p.bzOrder,
    amount: p.amount,
    payWay: p.payWay,
    payerId: p.payerId,
    recieverId: p.recieverId,
    payInfo: ctx.payInfo(p.payWay),
    status: 1,
    errorMessage: '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    expireAt: ctx.now + QR_LIFETIME_MS,
    payAt: null,
    autoScanAt: null,
    autoPayAt: null,
    lastNotify: null,
  }
  state.orders.push(attempt)
  return { ok: true, value: attempt }
}

/** Closes every unpaid attempt past its QR lifetime; returns the ones it changed. */
export function expireDue(state: SandboxState, now: number): Attempt[] {
  const changed: Attempt[] = []
  state.orders.forEach((a, i) => {
    if (!isExpired(a, now)) return
    const result = applyAction(a, 'expire', a.expireAt)
    if (!result.ok) return
    result.attempt.updatedAt = now
    state.orders[i] = result.attempt
    changed.push(result.attempt)
  })
  return changed
}

export type CloseOutcome =
  | { kind: 'closed'; attempt: Attempt; changed: boolean }
  | { kind: 'paid'; attempt: Attempt }
  | { kind: 'failed'; attempt: Attempt }
  | { kind: 'not-found' }

/** Endpoint E. Closing twice succeeds twice; a paid attempt won the race and is reported as such. */
export function closeAttempt(state: SandboxState, bizOrderNo: string, now: number): CloseOutcome {
  const attempt = findAttempt(state, bizOrderNo)
  if (!attempt) return { kind: 'not-found' }
  if (attempt.status === 6) return { kind: 'closed', attempt, changed: false }
  if (attempt.status === 4 || attempt.status === 5) return { kind: 'paid', attempt }
  if (attempt.status === 3) return { kind: 'failed', attempt }
  const result = applyAction(attempt, 'close', now)
  if (!result.ok) return { kind: 'failed', attempt }
  replaceAttempt(state, result.attempt)
  return { kind: 'closed', attempt: result.attempt, changed: true }
}

/** Auto-pay turned off: forget the planned steps so a restart does not re-arm them. */
export function clearAutoPayPlans(state: SandboxState): void {
  state.orders = state.orders.map((a) =>
    a.autoPayAt === null && a.autoScanAt === null ? a : { ...a, autoScanAt: null, autoPayAt: null },
  )
}

/** Control reset: forget orders and counts, but keep the sequence so no bizOrderNo is reused. */
export function resetState(state: SandboxState, defaults: SandboxState['settings']): void {
  state.orders = []
  state.daily = { day: '', counts: {} }
  state.settings = { ...defaults }
}
