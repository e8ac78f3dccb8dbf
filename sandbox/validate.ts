import { ERR, fail, type DmsFailure } from './errors'
import { PAY_WAYS, type PayWay } from './types'

/*
 * Request parameter checks for the DMS endpoints. A form body gives strings, a JSON body may give
 * numbers: both are accepted where the meaning is the same. Each failure is errCode 1001 naming the
 * parameter, as the cashier's log needs to say which field it sent wrong.
 */

export type Params = Record<string, unknown>

export interface PaymentParams {
  bzOrder: string
  amount: number
  payWay: PayWay
  payerId: string
  recieverId: string
}

type Parsed<T> = { ok: true; value: T } | DmsFailure

const MAX_ID_LENGTH = 64

function badParam(message: string): DmsFailure {
  return fail(ERR.badParam, `参数错误：${message}`)
}

/** A non-empty identifier, or the reason it is not one. */
function idParam(params: Params, name: string): Parsed<string> {
  const raw = params[name]
  if (raw === undefined || raw === null || raw === '') return badParam(`缺少参数 ${name}`)
  const value = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw
  if (typeof value !== 'string' || value.trim() !== value || value.length > MAX_ID_LENGTH) {
    return badParam(`${name} 格式不正确`)
  }
  return { ok: true, value }
}

function amountParam(params: Params): Parsed<number> {
  const raw = params.amount
  if (raw === undefined || raw === null || raw === '') return badParam('缺少参数 amount')
  const text = typeof raw === 'number' ? String(raw) : raw
  // Fen are whole numbers: "12.50" is a yuan amount sent by mistake and must be refused, not rounded.
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text) || Number(text) < 1) {
    return badParam('amount 必须是大于等于 1 的整数（单位：分）')
  }
  return { ok: true, value: Number(text) }
}

function payWayParam(params: Params): Parsed<PayWay> {
  const raw = params.pay_way
  if (raw === undefined || raw === null || raw === '') return badParam('缺少参数 pay_way')
  const way = PAY_WAYS.find((w) => w === raw)
  if (!way) return badParam(`pay_way 只能是 ${PAY_WAYS.join(' 或 ')}`)
  return { ok: true, value: way }
}

export function parsePaymentParams(params: Params): Parsed<PaymentParams> {
  const bzOrder = idParam(params, 'bz_order')
  if (!bzOrder.ok) return bzOrder
  const amount = amountParam(params)
  if (!amount.ok) return amount
  const payWay = payWayParam(params)
  if (!payWay.ok) return payWay
  const payerId = idParam(params, 'payer_id')
  if (!payerId.ok) return payerId
  const recieverId = idParam(params, 'reciever_id')
  if (!recieverId.ok) return recieverId
  return {
    ok: true,
    value: {
      bzOrder: bzOrder.value,
      amount: amount.value,
      payWay: payWay.value,
      payerId: payerId.value,
      recieverId: recieverId.value,
    },
  }
}

export type QueryKey = { bizOrderNo: string } | { bzOrder: string }

/** Query takes `biz_order_no`, or `bz_order` for the bill's latest attempt. */
export function parseQueryParams(params: Params): Parsed<QueryKey> {
  const hasBiz = params.biz_order_no !== undefined && params.biz_order_no !== ''
  const hasBill = params.bz_order !== undefined && params.bz_order !== ''
  if (!hasBiz && !hasBill) return badParam('缺少参数 biz_order_no 或 bz_order')
  if (hasBiz) {
    const biz = idParam(params, 'biz_order_no')
    return biz.ok ? { ok: true, value: { bizOrderNo: biz.value } } : biz
  }
  const bill = idParam(params, 'bz_order')
  return bill.ok ? { ok: true, value: { bzOrder: bill.value } } : bill
}

export function parseCloseParams(params: Params): Parsed<string> {
  return idParam(params, 'biz_order_no')
}
