/*
 * DMS codes that refuse to start a charge for a reason that is not the customer's payment. Pure and
 * client-safe: the status machine decides `refused` with it, the screens say which kind it is.
 */

/** The bill is already paid at DMS: charging it again is wrong, whatever the cashier retries. */
export const ALREADY_PAID_CODE = 2003

/**
 * Setup or conflict problems only the manager (or cancelling the bill's other attempt) can fix:
 * accounts missing or unverified, pay way not enabled, the payer's daily limit, an open attempt
 * for another amount.
 */
const SETUP_CODES = [2001, 2002, 2004, 2005, 2006, 2007] as const

export type RefusalKind = 'already-paid' | 'setup'

export function refusalKind(code: number | null | undefined): RefusalKind | null {
  if (code === ALREADY_PAID_CODE) return 'already-paid'
  if (code != null && (SETUP_CODES as readonly number[]).includes(code)) return 'setup'
  return null
}
