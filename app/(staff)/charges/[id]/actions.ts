'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { defineAction, type ActionState } from '@/lib/actions/define-action'
import { recheckCharge, type RecheckResult } from '@/lib/charges/queries/recheck'

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
    if (result === 'failed') return { status: 'error', error: 'failed' }
    if (!result) return { status: 'error', error: 'not-found' }
    revalidatePath(`/charges/${charge_id}`)
    revalidatePath('/attention')
    return { status: 'ok', data: result }
  },
})
