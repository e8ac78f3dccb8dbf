'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { defineAction, type ActionState } from '@/lib/actions/define-action'
import { auditActor } from '../admin/audit-actor'
import {
  markReviewed,
  recheckAllNeedingAttention,
  type RecheckAllResult,
} from '@/lib/charges/queries/recheck'

export type RecheckAllState = ActionState<{ checked: number; changed: number; remaining: number }>

/** Re-checks every charge on the list, one by one, within a time budget. */
export const recheckAllAction = defineAction({
  schema: z.object({}),
  permission: 'charges:recheck',
  async handler(): Promise<RecheckAllState> {
    let result: RecheckAllResult
    try {
      result = await recheckAllNeedingAttention()
    } catch (error) {
      console.error('recheck all failed', error)
      return { status: 'error', error: 'failed' }
    }
    revalidatePath('/attention')
    const changed = result.results.filter((r) => r.changed).length
    return {
      status: 'ok',
      data: { checked: result.results.length, changed, remaining: result.remaining },
    }
  },
})

export type ReviewState = ActionState<{ chargeId: string }>

/** A paid-after-cancel charge the manager has dealt with (refunded or kept): off the list. */
export const markReviewedAction = defineAction({
  schema: z.object({ charge_id: z.uuid() }),
  permission: 'charges:recheck',
  async handler({ charge_id }, user): Promise<ReviewState> {
    const ok = await markReviewed(
      charge_id,
      { id: user.id, name: user.displayName },
      await auditActor(user),
    )
    if (!ok) return { status: 'error', error: 'not-found' }
    revalidatePath('/attention')
    revalidatePath(`/charges/${charge_id}`)
    return { status: 'ok', data: { chargeId: charge_id } }
  },
})
