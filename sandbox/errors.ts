/*
 * The DMS error table as the contract assumes it (the real one is unpublished). Messages are what a
 * PHP backend of this kind says; the cashier shows errMsg, so they must read naturally.
 */
export const ERR = {
  ok: 1000,
  badParam: 1001,
  auth: 1003,
  rateLimit: 1004,
  busy: 1500,
  payerNotFound: 2001,
  receiverNotFound: 2002,
  alreadyPaid: 2003,
  amountMismatch: 2004,
  receiverUnverified: 2005,
  payWayDisabled: 2006,
  dailyLimit: 2007,
  orderNotFound: 2008,
  orderClosed: 2009,
  network: 3000,
} as const

export const ERR_MSG: Record<number, string> = {
  1000: '请求成功',
  1001: '参数错误',
  1003: '未登录或登录已过期，请重新登录',
  1004: '请求过于频繁，请稍后再试',
  1500: '系统繁忙，请稍后再试',
  2001: '付款账户不存在',
  2002: '收款账户不存在',
  2003: '该单据已支付，请勿重复支付',
  2004: '支付金额与该单据未完成的支付单金额不一致',
  2005: '收款账户尚未审核通过，暂不能收款',
  2006: '该收款账户未开通此支付方式',
  2007: '付款账户今日支付笔数已达上限，请明日再试或更换付款账户',
  2008: '订单不存在',
  2009: '订单已关闭',
  3000: '支付网络异常，请稍后再试',
}

export function errMsgFor(code: number): string {
  return ERR_MSG[code] ?? '系统错误'
}

/** A DMS answer that is not a success: errCode ≠ 1000. `data` defaults to `[]` on the wire. */
export interface DmsFailure {
  ok: false
  errCode: number
  errMsg: string
  data?: unknown
}

export function fail(errCode: number, errMsg = errMsgFor(errCode), data?: unknown): DmsFailure {
  return { ok: false, errCode, errMsg, data }
}
