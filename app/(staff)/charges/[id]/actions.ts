'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { defineAction, staleRefusal, type ActionState } from '@/lib/actions/define-action'
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
      return { refused: 'failed' as const }
    })
    // Ended (DMS can no longer change it) since the page was drawn: a refund's notification landed
    // while it was open. The page offers no check for an ended charge, so that is how one comes.
    if ('refused' in result && result.refused === 'ended') {
      return staleRefusal('ended', { status: result.status })
    }
    if ('refused' in result) return { status: 'error', error: result.refused }
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
    // DMS's answer (a notification, the sweep) settled it since the page showed it unknown.
    if (result.kind === 'not-unknown') {
      return staleRefusal('not-unknown', { status: result.charge.status })
    }
    revalidatePath(`/charges/${input.charge_id}`)
    revalidatePath('/attention')
    return { status: 'ok', data: { kind: result.kind, status: result.charge.status } }
  },
})
