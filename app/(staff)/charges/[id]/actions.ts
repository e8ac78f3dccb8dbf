'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { defineAction, type ActionState } from '@/lib/actions/define-action'
import { recheckCharge, type RecheckResult } from '@/lib/charges/queries/recheck'
import { settleCharge } from '@/lib/charges/settle'
import { settleFields, withOrderNoRule } from '@/lib/charges/settle-rules'
import type { ChargeStatus } from '@/lib/charges/status'
import { auditActor } from '../../admin/audit-actor'

export type RecheckState = ActionState<RecheckResult>

/** "Check with DMS now" on one charge, from its detail page or the needs-attention list. */
export const recheckChargeAction = defineAction({
  schema: z.object({ charge_id: z.uuid() }),
  permission: 'charges:recheck',
  async handler({ charge_id }): Promise<RecheckState> {
    const result = await recheckCharge(charge_id).catch((error: unknown) => {
      console.error('recheck failed', charge_id, error)
      return 'failed' as const
    })
    // 'ended' (DMS can no longer change it): the page offers no check; a forged call lands here.
    if (typeof result === 'string') return { status: 'error', error: result }
    revalidatePath(`/charges/${charge_id}`)
    revalidatePath('/attention')
    return { status: 'ok', data: result }
  },
})

/** How a settle attempt ended: settled by hand, or DMS answered the fresh query (its answer stands). */
export type SettleState = ActionState<{
  kind: 'settled' | 'dms-answered' | 'dms-undecided'
  status: ChargeStatus
}>

/** A manager's way out for an `unknown` charge DMS cannot confirm (lib/charges/settle.ts). */
export const settleChargeAction = defineAction({
  schema: withOrderNoRule(z.object({ charge_id: z.uuid(), ...settleFields })),
  permission: 'charges:settle',
  async handler(input, user): Promise<SettleState> {
    const result = await settleCharge(
      input.charge_id,
      { outcome: input.outcome, orderNo: input.order_no, reason: input.reason },
      { id: user.id, name: user.displayName },
      await auditActor(user),
    )
    if (result.kind === 'not-found') return { status: 'error', error: 'not-found' }
    if (result.kind === 'invalid') return { status: 'error', error: 'invalid-input' }
    if (result.kind === 'not-unknown') return { status: 'error', error: 'not-unknown' }
    revalidatePath(`/charges/${input.charge_id}`)
    revalidatePath('/attention')
    return { status: 'ok', data: { kind: result.kind, status: result.charge.status } }
  },
})
