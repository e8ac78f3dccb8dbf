import 'server-only'
import { z } from 'zod'
import { recordAuditBy } from '@/lib/audit/repo'
import type { AuditActor } from '@/lib/audit/types'
import { applyInput } from './apply'
import { settleFields, withOrderNoRule } from './settle-rules'
import { refreshCharge } from './refresh'
import { getCharge } from './repo'
import type { Charge, SettleOutcome } from './types'

/*
 * A way out for a stuck charge: an `unknown` charge whose query DMS keeps refusing holds its bill
 * forever. A manager may settle it as "not charged" (it closes, freeing the bill) or as "paid" with
 * the DMS order no. they found in DMS — but only once a fresh query has just failed: when DMS
 * answers, its answer is applied instead. A later DMS answer that disagrees flags the charge for
 * attention (status-machine.ts).
 */

const settleInputSchema = withOrderNoRule(z.object(settleFields))

export interface SettleInput {
  outcome: SettleOutcome
  /** Required for 'paid', ignored for 'not-charged'. */
  orderNo: string | null
  reason: string
}

export type SettleResult =
  | { kind: 'settled'; charge: Charge }
  /** The fresh query reached DMS and settled it: DMS's answer stands, nothing was settled by hand. */
  | { kind: 'dms-answered'; charge: Charge }
  /** The fresh query reached DMS but it can't tell yet (the create may still be on its way). */
  | { kind: 'dms-undecided'; charge: Charge }
  | { kind: 'not-unknown'; charge: Charge }
  | { kind: 'invalid' }
  | { kind: 'not-found' }

export async function settleCharge(
  id: string,
  input: SettleInput,
  user: { id: string; name: string },
  auditActor: AuditActor,
): Promise<SettleResult> {
  const parsed = settleInputSchema.safeParse({
    outcome: input.outcome,
    order_no: input.orderNo ?? undefined,
    reason: input.reason,
  })
  if (!parsed.success) return { kind: 'invalid' }
  const { outcome, reason } = parsed.data
  const orderNo = outcome === 'paid' ? parsed.data.order_no : null
  const before = await getCharge(id)
  if (!before) return { kind: 'not-found' }
  if (before.status !== 'unknown') return { kind: 'not-unknown', charge: before }

  // The fresh query: forced past the polling interval, one in flight per charge (refresh.ts).
  const checked = (await refreshCharge(id, { force: true })) ?? before
  if (checked.status !== 'unknown') return { kind: 'dms-answered', charge: checked }
  if (checked.checkFailures <= before.checkFailures) {
    return { kind: 'dms-undecided', charge: checked }
  }

  const current = (await getCharge(id))!
  const detail = { outcome, orderNo, reason }
  const settled = await applyInput(
    current,
    { kind: 'manager-settled', outcome },
    {
      actor: { type: 'user', ...user },
      patch: orderNo ? { orderNo } : {},
      detail,
    },
  )
  // Moved meanwhile (a notification's query answered): that answer stands.
  if (settled.settledOutcome !== outcome || settled.status === 'unknown') {
    return { kind: 'dms-answered', charge: settled }
  }
  await recordAuditBy(auditActor, {
    action: 'charge.settle',
    target: `charge:${id}`,
    detail: { bill: settled.bzOrder, ...detail },
  })
  return { kind: 'settled', charge: settled }
}
