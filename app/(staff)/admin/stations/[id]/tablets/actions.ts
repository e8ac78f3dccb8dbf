'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { defineAction, staleRefusal, type ActionState } from '@/lib/actions/define-action'
import { deviceNameSchema } from '@/lib/display/device-name'
import { renameDevice, revokeDevice } from '@/lib/display/devices'
import { createPairingCode } from '@/lib/display/pairing'
import { auditActor } from '../../../audit-actor'
import { checkedBy } from '../../../checked-by'

/* A station's customer tablets; lib/display records each change in the audit log. */

export type TabletActionState = ActionState<{ at: number }>

export type RenameTabletState = ActionState<{ name: string }>

const id = z.string({ error: 'missing' }).min(1).max(64)

const pagePath = (stationId: string) => `/admin/stations/${stationId}/tablets`

export const createPairingCodeAction = defineAction({
  schema: z.object({ station_id: id }),
  permission: 'stations:manage',
  async handler({ station_id }, user): Promise<TabletActionState> {
    const code = await createPairingCode(station_id, await auditActor(user))
    if (!code) return { status: 'error', error: 'unknown_station' }
    // The page shows the station's live code from the database (stored plain, see lib/display).
    revalidatePath(pagePath(station_id))
    return { status: 'ok', data: { at: Date.now() } }
  },
})

export const revokeTabletAction = defineAction({
  schema: z.object({ station_id: id, device_id: id }),
  permission: 'stations:manage',
  async handler({ station_id, device_id }, user): Promise<TabletActionState> {
    const done = await revokeDevice(station_id, device_id, await auditActor(user))
    // Revoked from another page since this one was drawn: the list drops it.
    if (!done) return staleRefusal('unknown_device')
    revalidatePath(pagePath(station_id))
    return { status: 'ok', data: { at: Date.now() } }
  },
})

export const renameTabletAction = defineAction({
  schema: z.object({ station_id: id, device_id: id, device_name: checkedBy(deviceNameSchema) }),
  permission: 'stations:manage',
  async handler({ station_id, device_id, device_name }, user): Promise<RenameTabletState> {
    const done = await renameDevice(station_id, device_id, device_name, await auditActor(user))
    if (!done) return staleRefusal('unknown_device')
    revalidatePath(pagePath(station_id))
    return { status: 'ok', data: { name: done.to } }
  },
})
