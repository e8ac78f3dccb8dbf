import { z } from 'zod'

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

export const stationAccountsSchema = z.object({
  payerId: dmsAccountIdSchema,
  recieverId: dmsAccountIdSchema,
})

export type StationAccountsInput = z.input<typeof stationAccountsSchema>

/** A front-desk position: where charges are made and which tablet shows them. */
export interface Station {
  id: string
  name: string
  payerId: string | null
  /** Spelled as DMS spells it. */
  recieverId: string | null
  /** The cashier's screen prints a paid charge's receipt by itself. */
  autoPrintReceipt: boolean
  createdAt: number
  updatedAt: number
}

export const DEFAULT_STATION_NAME = '前台 1'
