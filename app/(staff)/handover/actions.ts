'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { defineAction, staleRefusal, type ActionState } from '@/lib/actions/define-action'
import { recordHandover } from '@/lib/handovers/repo'
import { HandoverError } from '@/lib/handovers/types'
import { auditActor } from '../admin/audit-actor'

export type HandoverState = ActionState<{ id: string; paidFen: number; paidCount: number }>

const ms = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number)

/** 交班: freezes the window the page showed ([window_from, window_to)) with its totals. */
export const recordHandoverAction = defineAction({
  schema: z.object({
    station_id: z.string().min(1).max(64),
    /** '' for the whole station (managers only). */
    cashier_id: z.string().max(64),
    window_from: ms,
    window_to: ms,
  }),
  permission: 'handover:record',
  async handler(input, user): Promise<HandoverState> {
    const cashierId = input.cashier_id === '' ? null : input.cashier_id
    // A cashier hands over their own shift only; the whole station or another's is a manager's.
    if (user.role === 'cashier' && cashierId !== user.id)
      return { status: 'error', error: 'forbidden' }
    if (input.window_to > Date.now()) return { status: 'error', error: 'invalid-input' }
    try {
      const done = await recordHandover({
        scope: { stationId: input.station_id, cashierId },
        from: input.window_from,
        to: input.window_to,
        actor: await auditActor(user),
      })
      revalidatePath('/handover')
      return {
        status: 'ok',
        data: { id: done.id, paidFen: done.paidFen, paidCount: done.paidCount },
      }
    } catch (err) {
      if (!(err instanceof HandoverError)) throw err
      // Handed over by someone else, or a charge opened, since the page was drawn (it offers 交班
      // only with none open): the page shows the new window, or the open charges, at once.
      if (err.code === 'window-moved' || err.code === 'open-charges') return staleRefusal(err.code)
      return { status: 'error', error: err.code }
    }
  },
})
