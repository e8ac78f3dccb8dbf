import 'server-only'
import type { PayWay } from '@/lib/dms/types'
import { cancelCharge } from './cancel'
import { createCharge, type CreateChargeResult } from './create'
import type { Actor, Charge } from './types'

export type SwitchResult =
  | { kind: 'switched'; result: CreateChargeResult }
  | { kind: 'paid'; charge: Charge }
  | { kind: 'not-closed'; charge: Charge }
  | { kind: 'not-found' }

/**
 * Closes the current attempt and, only once DMS confirms it closed, creates a new attempt for the same
 * bill with the other pay way. Never two live QRs for one bill.
 */
export async function switchPayWay(
  id: string,
  payWay: PayWay,
  actor: Extract<Actor, { type: 'user' }>,
): Promise<SwitchResult> {
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
