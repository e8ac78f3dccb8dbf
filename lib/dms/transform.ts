import type { z } from 'zod'
import {
  rawCloseResult,
  rawCreatedPayment,
  rawPayer,
  rawPaymentStatus,
  rawReceivers,
  type OrderStatusCode,
  type RawPaymentStatus,
} from './raw-schemas'
import {
  PAY_WAYS,
  type CloseResult,
  type CreatedPayment,
  type DmsOrderStatus,
  type PayWay,
  type PayerAccount,
  type PaymentStatus,
  type ReceivingAccount,
} from './types'

/*
 * Pure reshaping of DMS `data` into domain types. A failure carries a short description of what did
 * not match; the transport turns it into an `unavailable`/'shape' error.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string }

const ORDER_STATUS: Record<OrderStatusCode, DmsOrderStatus> = {
  1: 'unpaid',
  99: 'paying',
  4: 'paid',
  3: 'failed',
  5: 'refunded',
  6: 'closed',
}

export const toOrderStatus = (code: OrderStatusCode): DmsOrderStatus => ORDER_STATUS[code]

export function toPayWay(value: string): PayWay | null {
  const upper = value.trim().toUpperCase()
  return (PAY_WAYS as readonly string[]).includes(upper) ? (upper as PayWay) : null
}

/** [ours] DMS is silent about a missing `status`; an account is assumed usable and DMS has the last word. */
const isOn = (status: number | null) => status === null || status === 1

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'data'}: ${i.message}`)
  return issues.join('; ')
}

function run<S extends z.ZodType, T>(
  schema: S,
  data: unknown,
  map: (raw: z.output<S>) => Parsed<T>,
): Parsed<T> {
  const result = schema.safeParse(data)
  return result.success ? map(result.data) : { ok: false, detail: describeIssues(result.error) }
}

const PAY_STATUS = new Map<string, CreatedPayment['payStatus']>([
  ['', 'pending'],
  ['pending', 'pending'],
  ['fail', 'fail'],
  ['success', 'success'],
])

/**
 * The most a QR can hold at the level the screens draw it (level M, version 40, byte mode): past it
 * qrcode.react throws, which took the charge screen and the customer tablet down with it.
 */
export const QR_MAX_BYTES = 2331

export function parseCreatedPayment(data: unknown): Parsed<CreatedPayment> {
  return run(rawCreatedPayment, data, (raw) => {
    const payStatus = PAY_STATUS.get(raw.payStatus.trim().toLowerCase())
    if (!payStatus) return { ok: false, detail: `payStatus: unknown value "${raw.payStatus}"` }
    // Every later query and close names the attempt by it: a QR without it could be paid unseen.
    if (raw.bizOrderNo === '') return { ok: false, detail: 'bizOrderNo: empty' }
    if (payStatus === 'pending' && raw.payInfo.trim() === '') {
      return { ok: false, detail: 'payInfo: empty although the QR is pending' }
    }
    // Refused like a malformed answer (DMS may have made the order: the query settles it), never
    // stored for screens that cannot draw it.
    const bytes = Buffer.byteLength(raw.payInfo, 'utf8')
    if (bytes > QR_MAX_BYTES) {
      return {
        ok: false,
        detail: `payInfo: ${bytes} bytes, more than a QR holds (${QR_MAX_BYTES})`,
      }
    }
    return {
      ok: true,
      value: {
        bizOrderNo: raw.bizOrderNo,
        orderNo: raw.orderNo,
        payInfo: raw.payInfo,
        payStatus,
        payFailMessage: raw.payFailMessage,
      },
    }
  })
}

function toPaymentStatus(raw: RawPaymentStatus, asked: Asked): PaymentStatus {
  return {
    bizOrderNo: raw.bizOrderNo || asked.bizOrderNo || '',
    orderNo: raw.orderNo,
    bzOrder: raw.bz_order || asked.bzOrder || '',
    status: toOrderStatus(raw.orderStatus),
    errorMessage: raw.errorMessage,
    amountFen: raw.amount,
    payWay: toPayWay(raw.pay_way),
    paidAt: raw.payDatetime,
    expireAt: raw.expireDatetime,
  }
}

/**
 * What the request named: an echo field DMS leaves out is taken from it, and one DMS sends must be
 * it. An answer about another attempt or bill (a misbehaving DMS, a proxy mixing answers up) would
 * mark the wrong charge paid or closed, so it is refused like an answer of the wrong shape.
 */
export interface Asked {
  bizOrderNo?: string
  bzOrder?: string
}

/**
 * The detail of an answer about something else than was asked, or null when it is about it. An
 * echo DMS leaves out is no disagreement. DMS's id is cut short: it goes to the timeline as is.
 */
function otherThanAsked(answer: { bizOrderNo: string; bz_order?: string }, asked: Asked) {
  const differs = (field: string, said: string | undefined, named: string | undefined) =>
    said && named !== undefined && said !== named
      ? `answer about ${field} "${said.slice(0, 64)}", asked "${named}"`
      : null
  return (
    differs('bizOrderNo', answer.bizOrderNo, asked.bizOrderNo) ??
    differs('bz_order', answer.bz_order, asked.bzOrder)
  )
}

export function parsePaymentStatus(data: unknown, asked: Asked = {}): Parsed<PaymentStatus> {
  return run(rawPaymentStatus, data, (raw) => {
    const other = otherThanAsked(raw, asked)
    if (other) return { ok: false, detail: other }
    const value = toPaymentStatus(raw, asked)
    if (!value.bizOrderNo) return { ok: false, detail: 'bizOrderNo: missing' }
    return { ok: true, value }
  })
}

export function parsePayer(data: unknown): Parsed<PayerAccount> {
  return run(rawPayer, data, (raw) => ({
    ok: true,
    value: {
      id: raw.biz_user_id,
      name: raw.name,
      memberType: raw.member_type,
      active: isOn(raw.status),
    },
  }))
}

export function parseReceivers(data: unknown): Parsed<ReceivingAccount[]> {
  return run(rawReceivers, data, (raws) => ({
    ok: true,
    value: raws.map((raw) => ({
      id: raw.id,
      name: raw.name,
      payWays: [...new Set(raw.pay_ways.map(toPayWay).filter((w): w is PayWay => w !== null))],
      verified: isOn(raw.status),
    })),
  }))
}

/** A successful close may come with empty `data`: errCode 1000 alone means the order is closed. */
export function parseCloseResult(data: unknown, bizOrderNo: string): Parsed<CloseResult> {
  return run(rawCloseResult, data, (raw) => {
    const other = otherThanAsked(raw, { bizOrderNo })
    if (other) return { ok: false, detail: other }
    return {
      ok: true,
      value: {
        bizOrderNo: raw.bizOrderNo || bizOrderNo,
        orderNo: raw.orderNo,
        status: raw.orderStatus === undefined ? 'closed' : toOrderStatus(raw.orderStatus),
      },
    }
  })
}

/** The paid status a close answered with errCode 2003, if its `data` carries one about this attempt. */
export function parsePaidOnClose(data: unknown, bizOrderNo: string): PaymentStatus | undefined {
  const parsed = parsePaymentStatus(data, { bizOrderNo })
  if (!parsed.ok) return undefined
  return parsed.value.status === 'paid' || parsed.value.status === 'refunded'
    ? parsed.value
    : undefined
}
