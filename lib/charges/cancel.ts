import 'server-only'
import { applyInput } from './apply'
import { closeAtDms } from './close'
import { getCharge } from './repo'
import { isTerminal } from './status'
import type { Actor, Charge } from './types'

export type CancelResult =
  | { kind: 'done'; charge: Charge }
  | { kind: 'not-found' }
  /** Still waiting for DMS's answer to the create: nothing to close yet. */
  | { kind: 'busy'; charge: Charge }

/**
 * A person cancels: the wish is recorded first, then DMS is asked to close. The charge is `closed`
 * only once DMS confirms; if the customer paid first, it is `paid` and flagged for the manager.
 */
export async function cancelCharge(
  id: string,
  actor: Actor,
  reason: string,
): Promise<CancelResult> {
  const charge = await getCharge(id)
  if (!charge) return { kind: 'not-found' }
  if (isTerminal(charge.status)) return { kind: 'done', charge }
  if (charge.status === 'creating') return { kind: 'busy', charge }
  const requested = await applyInput(
    charge,
    { kind: 'cancel-requested' },
    { actor, detail: { reason } },
  )
  if (requested.status === 'unknown') return { kind: 'done', charge: requested } // closed by reconciliation
  return { kind: 'done', charge: await closeAtDms(requested) }
}
