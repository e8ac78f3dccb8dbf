import { z } from 'zod'

/* Client-safe: the settle form bounds its fields with the same numbers the action checks. */

export const SETTLE_REASON_MAX = 200
export const ORDER_NO_MAX = 32

/** The form's fields (the action adds the charge id); settleCharge parses them again. */
export const settleFields = {
  outcome: z.enum(['not-charged', 'paid'], { message: 'outcome' }),
  // A DMS order no. is a long run of digits (above 2^53): kept as text, never as a number.
  order_no: z
    .string()
    .trim()
    .max(ORDER_NO_MAX, 'order-no')
    .regex(/^\d*$/, 'order-no')
    .optional()
    .transform((v) => v || null),
  reason: z.string().trim().min(1, 'reason-empty').max(SETTLE_REASON_MAX, 'reason-long'),
}

/** "Paid" needs the DMS order no. it was paid under. */
export function withOrderNoRule<T extends z.ZodType<{ outcome: string; order_no: string | null }>>(
  schema: T,
) {
  return schema.refine((v) => v.outcome !== 'paid' || v.order_no !== null, {
    path: ['order_no'],
    message: 'order-no-missing',
  })
}
