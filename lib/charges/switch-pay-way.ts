import 'server-only'
import type { PayWay } from '@/lib/dms/types'
import { cancelCharge } from './cancel'
import { createCharge, type CreateChargeResult } from './create'
import { getCharge } from './repo'
import { stationAccounts } from './station-accounts'
import { isTerminal } from './status'
import type { Charge, UserActor } from './types'

export type SwitchResult =
  | { kind: 'switched'; result: CreateChargeResult }
  | { kind: 'paid'; charge: Charge }
  | { kind: 'not-closed'; charge: Charge }
  /** It had already ended (timed out, cancelled elsewhere) before the switch: nothing was created. */
  | { kind: 'ended'; charge: Charge }
  | { kind: 'not-found' }
  /** The station can't charge the other pay way (no receiving account for it): nothing was closed. */
  | {
      kind: 'station-not-ready'
      reason: 'no-station' | 'no-account' | 'no-account-for-way' | 'dms'
    }

/**
 * Closes the current attempt (after making sure the station has an account for the other pay way) and, only once DMS confirms it closed, creates a new attempt for the same
 * bill with the other pay way. Never two live QRs for one bill.
 */
export async function switchPayWay(
  id: string,
  payWay: PayWay,
  actor: UserActor,
): Promise<SwitchResult> {
  // Checked before the current QR is closed: a switch that can't create must leave it payable.
  const current = await getCharge(id)
  if (!current) return { kind: 'not-found' }
  // A switch replaces a live QR; one already ended is for 重新收款, which the screen offers once
  // it shows the charge as it is (a stale screen still drew the switch).
  if (current.status === 'paid') return { kind: 'paid', charge: current }
  if (isTerminal(current.status)) return { kind: 'ended', charge: current }
  const accounts = await stationAccounts(current.stationId, payWay)
  if (!accounts.ok) return { kind: 'station-not-ready', reason: accounts.reason }
  const cancelled = await cancelCharge(id, actor, `switch-to-${payWay}`)
  if (cancelled.kind === 'not-found') return cancelled
  const charge = cancelled.charge
  if (charge.status === 'paid') return { kind: 'paid', charge }
  if (charge.status !== 'closed' && charge.status !== 'failed')
    return { kind: 'not-closed', charge }
  const result = await createCharge(
    { bzOrder: charge.bzOrder, amountFen: charge.amountFen, payWay, stationId: charge.stationId },
    actor,
  )
  return { kind: 'switched', result }
}
