import 'server-only'
import { dms } from '@/lib/dms/client'
import type { DmsError, PayerAccount, ReceivingAccount } from '@/lib/dms/types'

export type DmsAccounts =
  { ok: true; payer: PayerAccount; receivers: ReceivingAccount[] } | { ok: false; error: DmsError }

/** The shop's payer account and receiving accounts as DMS lists them now (two calls, in parallel). */
export async function loadDmsAccounts(): Promise<DmsAccounts> {
  const [payer, receivers] = await Promise.all([dms().getPayer(), dms().listReceivers()])
  if (!payer.ok) return { ok: false, error: payer.error }
  if (!receivers.ok) return { ok: false, error: receivers.error }
  return { ok: true, payer: payer.data, receivers: receivers.data }
}
