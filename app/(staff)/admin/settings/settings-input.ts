import { z } from 'zod'
import { parseYuan } from '@/lib/money'
import { settingsSchema } from '@/lib/settings/schema'
import { checkedBy } from '../checked-by'

/*
 * The settings form as people fill it in (minutes, yuan) → the settings as stored (seconds, fen).
 * The bounds come from lib/settings, which checks the result again.
 */

const timeout = settingsSchema.shape.cashierTimeoutSec
const amount = settingsSchema.shape.maxAmountFen

export const TIMEOUT_MINUTES = {
  min: Math.ceil((timeout.minValue ?? 60) / 60),
  max: Math.floor((timeout.maxValue ?? 3600) / 60),
}

/** The highest per-charge maximum the shop may set, in fen. */
export const MAX_AMOUNT_LIMIT_FEN = amount.maxValue ?? 1_000_000_000

// Chinese input methods type full-width digits; minutes are whole numbers, nothing else is accepted.
const halfWidth = (text: string) =>
  text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

function fail(ctx: z.RefinementCtx, reason: string) {
  ctx.addIssue({ code: 'custom', message: reason })
  return z.NEVER
}

export const settingsFormSchema = z
  .object({
    shop_name: checkedBy(settingsSchema.shape.shopName),
    language: checkedBy(settingsSchema.shape.language),
    cashier_timeout_min: z.string({ error: 'empty' }).transform((text, ctx) => {
      const v = halfWidth(text.trim())
      if (v === '') return fail(ctx, 'empty')
      if (!/^\d{1,4}$/.test(v)) return fail(ctx, 'format')
      const n = Number(v)
      if (n < TIMEOUT_MINUTES.min || n > TIMEOUT_MINUTES.max) return fail(ctx, 'range')
      return n
    }),
    max_amount: z.string({ error: 'empty' }).transform((text, ctx) => {
      const r = parseYuan(text, { maxFen: MAX_AMOUNT_LIMIT_FEN })
      return r.ok ? r.fen : fail(ctx, r.reason)
    }),
    // An unticked checkbox is absent from the form.
    speak_paid: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
  })
  .transform((f) => ({
    shopName: f.shop_name,
    language: f.language,
    cashierTimeoutMin: f.cashier_timeout_min,
    maxAmountFen: f.max_amount,
    speakPaid: f.speak_paid,
  }))

export type SettingsForm = z.output<typeof settingsFormSchema>

/**
 * The stored timeout for the minutes submitted. The form shows whole minutes, so a stored value that
 * is not (90 s, set another way) shows rounded; submitting that rounded number keeps the stored value.
 */
export function timeoutSeconds(minutes: number, currentSec: number): number {
  return Math.round(currentSec / 60) === minutes ? currentSec : minutes * 60
}
