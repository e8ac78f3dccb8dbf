import { chinaDateTime } from './china-time'
import type { Attempt } from './model'
import type { SandboxOrder } from './types'

/*
 * The wire shapes. Field names and types follow the contract exactly (ids as strings, amount in fen as
 * a number), since the cashier's DMS client is tested against these bodies.
 */

/** Endpoint A's `data`: exactly the fields of the doc's example, in its order. */
export function paymentData(a: Attempt) {
  return {
    weChatAPPInfo: [],
    validateType: 0,
    orderNo: a.orderNo,
    payFailMessage: '',
    tradeNo: '',
    payCode: '',
    extendInfo: '',
    payStatus: '',
    payInfo: a.payInfo,
    bizUserId: a.payerId,
    bizOrderNo: a.bizOrderNo,
  }
}

/** Endpoint D's `data` (also the `data` of a close refused because the order is paid). */
export function queryData(a: Attempt) {
  return {
    bizOrderNo: a.bizOrderNo,
    orderNo: a.orderNo,
    bz_order: a.bzOrder,
    orderStatus: a.status,
    errorMessage: a.errorMessage,
    amount: a.amount,
    pay_way: a.payWay,
    payDatetime: a.payAt === null ? '' : chinaDateTime(a.payAt),
    expireDatetime: chinaDateTime(a.expireAt),
  }
}

/** Endpoint E's `data`. */
export function closeData(a: Attempt) {
  return { closeResult: 1, bizOrderNo: a.bizOrderNo, orderNo: a.orderNo, orderStatus: 6 }
}

/** Endpoint F's form fields. */
export function notifyFields(a: Attempt, notifyId: string, now: number): Record<string, string> {
  return {
    bizOrderNo: a.bizOrderNo,
    orderNo: a.orderNo,
    bz_order: a.bzOrder,
    amount: String(a.amount),
    orderStatus: String(a.status),
    payDatetime: a.payAt === null ? '' : chinaDateTime(a.payAt),
    notifyId,
    notifyTime: chinaDateTime(now),
  }
}

const iso = (ms: number) => new Date(ms).toISOString()

/** The control surface's view of an attempt. */
export function orderView(a: Attempt): SandboxOrder {
  return {
    bizOrderNo: a.bizOrderNo,
    orderNo: a.orderNo,
    bzOrder: a.bzOrder,
    amount: a.amount,
    payWay: a.payWay,
    payerId: a.payerId,
    recieverId: a.recieverId,
    payInfo: a.payInfo,
    orderStatus: a.status,
    errorMessage: a.errorMessage,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    expireAt: iso(a.expireAt),
    payAt: a.payAt === null ? null : iso(a.payAt),
    autoPayAt: a.autoPayAt === null ? null : iso(a.autoPayAt),
    lastNotify: a.lastNotify,
  }
}
