'use server'

import { revalidatePath } from 'next/cache'
import { defineAction, type ActionState } from '@/lib/actions/define-action'
import { getSettings, updateSettings } from '@/lib/settings/repo'
import { auditActor } from '../audit-actor'
import { settingsFormSchema, timeoutSeconds } from './settings-input'

/** `changed`: how many settings differed from the stored ones (0: nothing was written). */
export type SettingsActionState = ActionState<{ changed: number }>

export const saveSettingsAction = defineAction({
  schema: settingsFormSchema,
  permission: 'settings:manage',
  async handler(input, user): Promise<SettingsActionState> {
    const { cashierTimeoutMin, ...rest } = input
    const current = await getSettings()
    const patch = {
      ...rest,
      cashierTimeoutSec: timeoutSeconds(cashierTimeoutMin, current.cashierTimeoutSec),
    }
    // updateSettings writes only the keys that changed and audits them in one entry, from / to.
    const next = await updateSettings(patch, await auditActor(user))
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter(
      (k) => next[k] !== current[k],
    ).length
    // The shop name is in every page's header, and the language is every page's default.
    revalidatePath('/', 'layout')
    return { status: 'ok', data: { changed } }
  },
})
