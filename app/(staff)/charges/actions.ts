'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { defineAction, type ActionState } from '@/lib/actions/define-action'
import { deleteView, saveView, viewNameSchema } from '@/lib/charges/queries/saved-views'

export type ViewState = ActionState<{ name: string }>

/** Saves the list's current filters under a name, for this manager only. */
export const saveViewAction = defineAction({
  schema: z.object({ name: viewNameSchema, query: z.string().max(2000) }),
  permission: 'charges:review',
  async handler({ name, query }, user): Promise<ViewState> {
    const result = await saveView(user.id, name, query)
    if (!result.ok) return { status: 'error', error: result.error }
    revalidatePath('/charges')
    return { status: 'ok', data: { name } }
  },
})

export const deleteViewAction = defineAction({
  schema: z.object({ name: z.string().min(1).max(100) }),
  permission: 'charges:review',
  async handler({ name }, user): Promise<ViewState> {
    await deleteView(user.id, name)
    revalidatePath('/charges')
    return { status: 'ok', data: { name } }
  },
})
