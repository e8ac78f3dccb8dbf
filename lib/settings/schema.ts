import { z } from 'zod'
import { LOCALES } from '@/lib/locale'

/* Client-safe (no server-only): the settings form validates with the same rules. */

/** The longest a shop may let a QR wait: no charge's deadline is further from its creation. */
export const MAX_CASHIER_TIMEOUT_SEC = 3600

export const settingsSchema = z.object({
  shopName: z
    .string()
    .trim()
    .min(1, 'Shop name must not be empty')
    .max(60, 'Shop name must be at most 60 characters'),
  language: z.enum(LOCALES),
  /** How long a charge waits for the customer before the cashier's side closes it. */
  cashierTimeoutSec: z.number().int().min(60).max(MAX_CASHIER_TIMEOUT_SEC),
  /** The largest single charge, in fen: a guard against a mistyped amount. */
  maxAmountFen: z.number().int().min(1).max(1_000_000_000),
  /** Announce "payment received" aloud on the front-desk screen. */
  speakPaid: z.boolean(),
})

export type Settings = z.output<typeof settingsSchema>
export type SettingKey = keyof Settings

export const DEFAULT_SETTINGS: Settings = {
  shopName: '汽车维修服务中心',
  language: 'zh-CN',
  cashierTimeoutSec: 300,
  maxAmountFen: 10_000_000,
  speakPaid: true,
}

/** Any subset of the settings; unknown keys are refused rather than silently dropped. */
export const settingsPatchSchema = settingsSchema.partial().strict()

export type SettingsPatch = z.input<typeof settingsPatchSchema>
