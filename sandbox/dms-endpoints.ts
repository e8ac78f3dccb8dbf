import type { SandboxEngine } from './engine'
import { ERR, fail, type DmsFailure } from './errors'
import { PAYER, RECEIVERS } from './fixtures'
import type { DmsEndpoint } from './faults'
import type { Params } from './validate'
import { parseCloseParams, parsePaymentParams, parseQueryParams } from './validate'
import { closeData, paymentData, queryData } from './views'

/*
 * The five DMS endpoints (A–E) as functions from request params to the envelope. Transport concerns
 * (auth, faults, logging) live in dms-routes.ts.
 */

export interface Envelope {
  errCode: number
  errMsg: string
  data: unknown
}

export const ENDPOINT_BY_PATH: Record<string, DmsEndpoint> = {
  '/dms/cash-out/payment': 'payment',
  '/fin-account/biz-user': 'biz-user',
  '/dms/payment/get-pay-way-tonglian': 'pay-way',
  '/dms/cash-out/query': 'query',
  '/dms/cash-out/close': 'close',
}

export function success(data: unknown): Envelope {
  return { errCode: ERR.ok, errMsg: '请求成功', data }
}

export function failure(f: DmsFailure): Envelope {
  return { errCode: f.errCode, errMsg: f.errMsg, data: f.data ?? [] }
}

function payment(engine: SandboxEngine, params: Params): Envelope {
  const parsed = parsePaymentParams(params)
  if (!parsed.ok) return failure(parsed)
  const created = engine.createPayment(parsed.value)
  return created.ok ? success(paymentData(created.value)) : failure(created)
}

/**
 * The create answered payStatus "fail" (fault `pay-fail`): the attempt is recorded, then failed at
 * once; the answer carries its number and the network's words, and no QR (dms-contract.md, A).
 */
export function paymentFailed(
  engine: SandboxEngine,
  created: Envelope,
  message?: string,
): Envelope {
  if (created.errCode !== ERR.ok) return created
  const data = created.data as ReturnType<typeof paymentData>
  const failed = engine.failAtCreate(data.bizOrderNo, message)
  if (!failed) return created
  return success({ ...data, payStatus: 'fail', payFailMessage: failed.errorMessage, payInfo: '' })
}

/**
 * A query answered about another attempt (fault `other-order`): the newest attempt that is not the
 * one asked about (for a bill, one of another bill). With no such attempt the answer stays as is.
 */
export function otherOrder(engine: SandboxEngine, params: Params, answered: Envelope): Envelope {
  const parsed = parseQueryParams(params)
  if (!parsed.ok) return answered
  const key = parsed.value
  const other = engine
    .list()
    .find((a) =>
      'bizOrderNo' in key ? a.bizOrderNo !== key.bizOrderNo : a.bzOrder !== key.bzOrder,
    )
  return other ? success(queryData(other)) : answered
}

function query(engine: SandboxEngine, params: Params): Envelope {
  const parsed = parseQueryParams(params)
  if (!parsed.ok) return failure(parsed)
  const attempt = engine.find(parsed.value)
  return attempt ? success(queryData(attempt)) : failure(fail(ERR.orderNotFound))
}

function close(engine: SandboxEngine, params: Params): Envelope {
  const parsed = parseCloseParams(params)
  if (!parsed.ok) return failure(parsed)
  const outcome = engine.close(parsed.value)
  switch (outcome.kind) {
    case 'closed':
      return success(closeData(outcome.attempt))
    case 'paid':
      // The payment won the race: say so, with the paid status, so the cashier shows it as paid.
      return failure(fail(ERR.alreadyPaid, '订单已支付，无法关闭', queryData(outcome.attempt)))
    case 'failed':
      return failure(fail(ERR.orderClosed, '订单已支付失败并关闭，无需再次关闭'))
    case 'not-found':
      return failure(fail(ERR.orderNotFound))
  }
}

export function handleEndpoint(
  engine: SandboxEngine,
  endpoint: DmsEndpoint,
  params: Params,
): Envelope {
  switch (endpoint) {
    case 'payment':
      return payment(engine, params)
    case 'query':
      return query(engine, params)
    case 'close':
      return close(engine, params)
    case 'biz-user':
      return success({ ...PAYER })
    case 'pay-way':
      return success(RECEIVERS.map((r) => ({ ...r, pay_ways: [...r.pay_ways] })))
  }
}
