import { z } from 'zod'
import type { PayWay } from '@/lib/dms/types'

/* Client-safe (no server-only): the manager's station forms validate with the same rules. */

export const stationNameSchema = z
  .string()
  .trim()
  .min(1, 'Station name must not be empty')
  .max(40, 'Station name must be at most 40 characters')

/** A DMS account id (payer / reciever): kept as text, digits and all. Empty means "not set". */
export const dmsAccountIdSchema = z
  .string()
  .trim()
  .max(64, 'Account id must be at most 64 characters')
  .regex(/^[0-9A-Za-z_-]*$/, 'Account id may contain only letters, digits, "_" and "-"')
  .nullable()
  .transform((v) => (v ? v : null))

/** The payer and the receiving account per pay way; null (or empty) leaves one unset. */
export const stationAccountsSchema = z.object({
  payerId: dmsAccountIdSchema,
  recieverWeixinId: dmsAccountIdSchema,
  recieverAlipayId: dmsAccountIdSchema,
})

export type StationAccountsInput = z.input<typeof stationAccountsSchema>

/** A front-desk position: where charges are made and which tablet shows them. */
export interface Station {
  id: string
  name: string
  payerId: string | null
  /** The receiving account (spelled as DMS spells it) each pay way is charged to; null = not set. */
  recieverIds: Record<PayWay, string | null>
  /**
   * The single receiving account of before accounts were per pay way, not yet split into the pay
   * ways it takes (lib/charges/station-accounts.ts does, at the station's next charge); else null.
   */
  legacyRecieverId: string | null
  /** The cashier's screen prints a paid charge's receipt by itself. */
  autoPrintReceipt: boolean
  createdAt: number
  updatedAt: number
}

export const DEFAULT_STATION_NAME = '前台 1'
