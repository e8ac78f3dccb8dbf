import type { Locale } from '@/lib/locale'
import type { DmsError } from './types'

/*
 * A DmsError as a sentence for the cashier, in both languages, in one place. Each text says what
 * happened, then what to do next; `dms` is DMS's own errMsg, quoted where it carries the detail. An
 * `unknown` outcome is never worded as a failure: the payment may have gone through, and the
 * cashier is checking.
 */

export interface ErrorText {
  message: string
  action: string
}

interface LocaleText {
  /** Per contract error code. */
  codes: Record<number, (dms: string) => ErrorText>
  /**
   * A code the contract does not list: DMS's own words, and the code to quote said once: in the
   * action, or, where the caller shows the code itself (`codeShown`), pointing at it.
   */
  rejected: (dms: string, code: number, codeShown: boolean) => ErrorText
  unavailable: (sent: boolean, status?: number) => ErrorText
  /** The outcome is not known yet: never worded as a failure. */
  unknown: () => ErrorText
  /**
   * DMS answered that the customer's payment failed (not a refusal of our request: no DMS code to
   * quote), in the payment network's words when it gave some.
   */
  paymentFailed: (network: string) => ErrorText
  /** A create DMS answered payStatus "fail": the platform made no QR, so nobody paid. */
  noQr: (network: string) => ErrorText
}

const withDetail = (base: string, dms: string, sep: string) => (dms ? `${base}${sep}${dms}` : base)

const zhText: LocaleText = {
  codes: {
    1001: (dms) => ({
      message: withDetail('DMS 认为请求参数有误', dms, '：'),
      action: '请核对金额和单号后重新发起收款；如仍失败请联系店长。',
    }),
    1003: () => ({
      message: '收银台登录 DMS 的凭证无效或已过期',
      action: '请联系店长更新 DMS 接入令牌，更新前无法收款。',
    }),
    1004: () => ({ message: '请求过于频繁，DMS 暂时拒绝', action: '请稍等一分钟再试。' }),
    1500: () => ({ message: 'DMS 系统繁忙', action: '请稍后重试；如持续出现请联系店长。' }),
    2001: () => ({
      message: '付款账户不存在',
      action: '请联系店长在收银台设置中重新选择付款账户。',
    }),
    2002: () => ({
      message: '收款账户不存在',
      action: '请联系店长在收银台设置中重新选择收款账户。',
    }),
    2003: () => ({
      message: '该单据已付款',
      action: '请勿重复收款，可在今日收款中查看这笔付款。',
    }),
    2004: () => ({
      message: '金额与该单据尚未完成的收款不一致',
      action: '请先取消该单据原来的收款，再按正确金额重新发起。',
    }),
    2005: () => ({
      message: '收款账户尚未完成认证，暂时不能收款',
      action: '请联系店长完成收款账户认证，或在收银台设置中更换收款账户。',
    }),
    2006: () => ({
      message: '该收款账户未开通这种支付方式',
      action: '请让顾客换用另一种支付方式，或联系店长开通。',
    }),
    2007: () => ({
      message: '付款账户今日付款次数已达上限',
      action: '请联系店长在收银台设置中更换付款账户',
    }),
    2008: () => ({
      message: 'DMS 中找不到这笔收款',
      // What it means for the customer, and the next step; the screen shows the charge as it is
      // by itself (it follows the charge live), so it never asks for a refresh.
      action:
        '这次收款在 DMS 没有订单，顾客无法为它付款。请重新收款；如顾客出示了付款记录，请联系店长核实。',
    }),
    2009: () => ({ message: '这笔收款已关闭', action: '如需继续收款，请重新发起。' }),
    3000: (dms) => ({
      message: withDetail('支付通道出错', dms, '：'),
      action: '请稍后重试，或让顾客换用另一种支付方式。',
    }),
  },
  rejected: (dms, code, codeShown) => ({
    message: dms || 'DMS 返回了错误，没有说明原因',
    action: codeShown
      ? '请稍后重试。如仍失败，请联系店长，告知下方的 DMS 代码。'
      : `请稍后重试；如仍失败请联系店长，并告知错误代码 ${code}。`,
  }),
  unavailable: (sent, status) => ({
    message: `暂时无法连接 DMS${status ? `（HTTP ${status}）` : ''}`,
    action: sent
      ? '请稍后重试；如持续出现请联系店长。'
      : '请求没有发出。请检查收银台网络后重试；如持续出现请联系店长。',
  }),
  unknown: () => ({
    message: 'DMS 未及时答复，正在向 DMS 核实…',
    action: '请勿重复收款，请稍候；顾客是否已付款以核实结果为准。',
  }),
  paymentFailed: (network) => ({
    message: network ? `支付平台答复：${network}` : '支付平台没有说明原因',
    action: '请让顾客换一种方式，或稍后重新收款。',
  }),
  noQr: (network) => ({
    message: network
      ? `支付平台未能生成收款码：${network}`
      : '支付平台未能生成收款码，没有说明原因',
    action: '顾客没有付款。请稍后重新收款，或让顾客换一种方式。',
  }),
}

const enText: LocaleText = {
  codes: {
    1001: (dms) => ({
      message: withDetail('DMS rejected a parameter of the request', dms, ': '),
      action:
        'Check the amount and the bill number, then start the payment again. If it fails again, call the manager.',
    }),
    1003: () => ({
      message: "The cashier's DMS access token is invalid or has expired",
      action: 'Ask the manager to update the DMS token. Payments cannot be taken until then.',
    }),
    1004: () => ({
      message: 'Too many requests: DMS is refusing them for a moment',
      action: 'Wait a minute, then try again.',
    }),
    1500: () => ({
      message: 'DMS is busy',
      action: 'Try again shortly. If it keeps happening, call the manager.',
    }),
    2001: () => ({
      message: 'The paying account does not exist',
      action: 'Ask the manager to choose the paying account again in the cashier settings.',
    }),
    2002: () => ({
      message: 'The receiving account does not exist',
      action: 'Ask the manager to choose the receiving account again in the cashier settings.',
    }),
    2003: () => ({
      message: 'This bill has already been paid',
      action: "Do not charge again. The payment is listed in today's payments.",
    }),
    2004: () => ({
      message: "The amount differs from the bill's payment that is still open",
      action: 'Cancel the open payment of this bill first, then start one with the right amount.',
    }),
    2005: () => ({
      message: 'The receiving account is not verified yet and cannot take payments',
      action:
        'Ask the manager to verify the receiving account or choose another one in the settings.',
    }),
    2006: () => ({
      message: 'This receiving account does not accept this payment method',
      action: 'Ask the customer to use the other payment method, or ask the manager to enable it.',
    }),
    2007: () => ({
      message: 'The paying account has reached its number of payments for today',
      action: 'Ask the manager to change the paying account in the cashier settings',
    }),
    2008: () => ({
      message: 'DMS has no record of this payment',
      action:
        'DMS holds no order for it, so the customer cannot have paid it. Take the payment again; if the customer shows a record of paying, ask the manager to check.',
    }),
    2009: () => ({
      message: 'This payment has been closed',
      action: 'Start a new payment if the customer still wants to pay.',
    }),
    3000: (dms) => ({
      message: withDetail('The payment network reported an error', dms, ': '),
      action: 'Try again shortly, or ask the customer to use the other payment method.',
    }),
  },
  rejected: (dms, code, codeShown) => ({
    message: dms || 'DMS returned an error without saying why',
    action: codeShown
      ? 'Try again shortly. If it fails again, call the manager and quote the DMS code below.'
      : `Try again shortly. If it fails again, call the manager and quote error code ${code}.`,
  }),
  unavailable: (sent, status) => ({
    message: `DMS cannot be reached right now${status ? ` (HTTP ${status})` : ''}`,
    action: sent
      ? 'Try again shortly. If it keeps happening, call the manager.'
      : 'The request was not sent. Check the network, then try again. If it keeps happening, call the manager.',
  }),
  unknown: () => ({
    message: 'DMS did not answer in time; checking the result with DMS…',
    action:
      'Do not charge again. Wait a moment: whether the customer has paid is shown once DMS confirms.',
  }),
  paymentFailed: (network) => ({
    message: network
      ? `The payment network says: ${network}`
      : 'The payment network gave no reason',
    action: 'Ask the customer to pay another way, or take the payment again later.',
  }),
  noQr: (network) => ({
    message: network
      ? `The payment platform could not make the QR code: ${network}`
      : 'The payment platform could not make the QR code and gave no reason',
    action: 'The customer paid nothing. Take the payment again later, or ask for another way.',
  }),
}

const TEXT: Record<Locale, LocaleText> = { 'zh-CN': zhText, en: enText }

const MAX_DMS_TEXT = 200

/**
 * `codeShown`: the caller shows DMS's code itself (the charge screen's small print), so the
 * sentences only point at it; an unknown code was said twice there, in the action and below it.
 */
export function describeDmsError(
  error: DmsError,
  locale: Locale,
  { codeShown = false }: { codeShown?: boolean } = {},
): ErrorText {
  const text = TEXT[locale]
  switch (error.kind) {
    case 'rejected': {
      const dms = error.message.trim().slice(0, MAX_DMS_TEXT)
      const known = Object.hasOwn(text.codes, error.code) ? text.codes[error.code] : undefined
      return known ? known(dms) : text.rejected(dms, error.code, codeShown)
    }
    case 'unavailable':
      return text.unavailable(error.sent, error.reason === 'http' ? error.status : undefined)
    case 'unknown':
      return text.unknown()
  }
}

/**
 * A payment DMS reported failed (lib/charges/failure.ts tells it from a refusal), for the cashier:
 * after the QR was made (`payment`), or on the create, with no QR made (`no-qr`).
 */
export function describePaymentFailure(
  network: string,
  locale: Locale,
  when: 'payment' | 'no-qr' = 'payment',
): ErrorText {
  const say = when === 'no-qr' ? TEXT[locale].noQr : TEXT[locale].paymentFailed
  return say(network.trim().slice(0, MAX_DMS_TEXT))
}
