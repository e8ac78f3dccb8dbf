import { z } from 'zod'
import { parseChinaTime } from './china-time'

/*
 * The wire shapes of DMS `data`, with DMS's own field names. Tolerant by design: DMS is a PHP backend
 * whose types drift (numbers as strings and back, `[]` for an empty object), so each field accepts
 * every harmless spelling and normalises it. Unknown fields are stripped; fields the cashier does not
 * use (`weChatAPPInfo`, `validateType`, `tradeNo`, …) are not declared, so any form of them is fine.
 */

/** Ids stay strings. Bare long integers were already quoted by json-text before JSON.parse. */
const id = z.union([z.string(), z.number().int().nonnegative()]).transform((v) => String(v).trim())

const optionalId = z
  .union([id, z.null()])
  .optional()
  .transform((v) => v ?? '')

const intLike = z.union([
  z.number().int(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'expected a whole number')
    .transform(Number),
])

const optionalInt = z
  .union([intLike, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v === '' || v === null || v === undefined ? null : v))

const isEmptyContainer = (v: unknown) =>
  typeof v === 'object' && v !== null && Object.keys(v).length === 0

/** PHP sends an empty message as `""`, `null`, `[]` or `{}` depending on how it was built. */
const text = z
  .preprocess((v) => (isEmptyContainer(v) ? null : v), z.union([z.string(), z.number(), z.null()]))
  .optional()
  .transform((v) => (v === null || v === undefined ? '' : String(v)))

export const ORDER_STATUS_CODES = [1, 99, 4, 3, 5, 6] as const
export type OrderStatusCode = (typeof ORDER_STATUS_CODES)[number]

const orderStatus = intLike.refine(
  (v): v is OrderStatusCode => (ORDER_STATUS_CODES as readonly number[]).includes(v),
  { message: 'unknown orderStatus' },
)

const chinaTime = z
  .unknown()
  .optional()
  .transform((v, ctx) => {
    const date = parseChinaTime(v)
    if (date !== undefined) return date
    ctx.addIssue({ code: 'custom', message: 'expected "yyyy-MM-dd HH:mm:ss" or ""' })
    return z.NEVER
  })

/** PHP encodes an empty associative array as `[]`; treat that and null as "no fields". */
const objectish = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === null || v === undefined || isEmptyContainer(v) ? {} : v), schema)

export const rawCreatedPayment = z.object({
  bizOrderNo: id,
  orderNo: optionalId,
  payInfo: text,
  payStatus: text,
  payFailMessage: text,
})

export const rawPaymentStatus = z.object({
  bizOrderNo: optionalId,
  orderNo: optionalId,
  bz_order: optionalId,
  orderStatus,
  errorMessage: text,
  amount: optionalInt,
  pay_way: text,
  payDatetime: chinaTime,
  expireDatetime: chinaTime,
})

export const rawPayer = z.object({
  biz_user_id: id,
  name: text,
  member_type: optionalInt,
  status: optionalInt,
})

const payWayList = z
  .union([z.array(z.string()), z.string(), z.null()])
  .optional()
  .transform((v) => {
    if (v === null || v === undefined) return []
    return (typeof v === 'string' ? v.split(/[,，\s]+/) : v).map((s) => s.trim()).filter(Boolean)
  })

export const rawReceiver = z.object({
  id,
  name: text,
  pay_ways: payWayList,
  status: optionalInt,
})

/** A list, or PHP's object-with-index-keys when an array lost its sequence, or nothing at all. */
export const rawReceivers = z.preprocess((v) => {
  if (v === null || v === undefined) return []
  if (typeof v === 'object' && !Array.isArray(v)) return Object.values(v)
  return v
}, z.array(rawReceiver))

export const rawCloseResult = objectish(
  z.object({
    bizOrderNo: optionalId,
    orderNo: optionalId,
    orderStatus: orderStatus.optional(),
  }),
)

export const rawEnvelope = z.object({
  errCode: intLike,
  errMsg: text,
  data: z.unknown(),
})

export type RawCreatedPayment = z.output<typeof rawCreatedPayment>
export type RawPaymentStatus = z.output<typeof rawPaymentStatus>
export type RawPayer = z.output<typeof rawPayer>
export type RawReceiver = z.output<typeof rawReceiver>
export type RawCloseResult = z.output<typeof rawCloseResult>
