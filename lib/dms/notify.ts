import { createHmac, timingSafeEqual } from 'node:crypto'
import { parseChinaTime } from './china-time'
import { parsePaymentStatus } from './transform'
import type { DmsNotification } from './types'

/*
 * DMS result notifications (contract section F): form fields signed with
 * `X-DMS-Signature: hex(HMAC-SHA256(raw body, DMS_NOTIFY_SECRET))`. The signature covers the raw bytes,
 * so the route must verify before parsing and must not re-encode the body.
 */

export const NOTIFY_SIGNATURE_HEADER = 'x-dms-signature'

export function signNotification(rawBody: string | Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex')
}

export function verifyNotificationSignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string,
): boolean {
  if (!secret || typeof signatureHeader !== 'string') return false
  const given = signatureHeader.trim().toLowerCase()
  if (!/^[0-9a-f]{64}$/.test(given)) return false
  const expected = Buffer.from(signNotification(rawBody, secret), 'hex')
  return timingSafeEqual(Buffer.from(given, 'hex'), expected)
}

/** The notification's fields, or null when it does not name an attempt and a known status. */
export function parseNotification(rawBody: string): DmsNotification | null {
  const form = new URLSearchParams(rawBody)
  const field = (name: string) => form.get(name) ?? undefined
  // Same fields as a query answer, so the same tolerant parser applies.
  const parsed = parsePaymentStatus({
    bizOrderNo: field('bizOrderNo'),
    orderNo: field('orderNo'),
    bz_order: field('bz_order'),
    orderStatus: field('orderStatus'),
    amount: field('amount'),
    payDatetime: field('payDatetime'),
  })
  if (!parsed.ok) return null
  const notifyTime = parseChinaTime(field('notifyTime'))
  return {
    bizOrderNo: parsed.value.bizOrderNo,
    orderNo: parsed.value.orderNo,
    bzOrder: parsed.value.bzOrder,
    amountFen: parsed.value.amountFen,
    status: parsed.value.status,
    paidAt: parsed.value.paidAt,
    notifyId: field('notifyId')?.trim() ?? '',
    notifyTime: notifyTime ?? null,
  }
}
