'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { defineAction, type ActionState } from '@/lib/actions/define-action'
import { PAY_WAYS, type PayWay } from '@/lib/dms/types'
import { StationError } from '@/lib/stations/errors'
import {
  createStation,
  getStation,
  renameStation,
  setStationAccounts,
  setStationAutoPrint,
} from '@/lib/stations/repo'
import { dmsAccountIdSchema, stationNameSchema } from '@/lib/stations/schema'
import { auditActor } from '../audit-actor'
import { checkedBy } from '../checked-by'
import { checkAccountChoice } from './account-choice'
import { loadDmsAccounts } from './dms-accounts'

/* Stations; lib/stations validates again and records every change in the audit log. */

export type StationActionState = ActionState<{ name: string }>

/** `unchecked`: DMS could not be reached, so the ids were saved as typed. */
export type AccountsActionState = ActionState<{ changed: boolean; unchecked: boolean }>

export type AutoPrintActionState = ActionState<{ changed: boolean; on: boolean }>

const stationId = z.string({ error: 'missing' }).min(1).max(64)

function refused(err: unknown) {
  if (!(err instanceof StationError)) throw err
  if (err.code === 'duplicate_name') {
    return {
      status: 'error' as const,
      error: 'invalid-input',
      fieldErrors: { name: ['duplicate'] },
    }
  }
  return { status: 'error' as const, error: err.code }
}

export const addStationAction = defineAction({
  schema: z.object({ name: checkedBy(stationNameSchema) }),
  permission: 'stations:manage',
  async handler({ name }, user): Promise<StationActionState> {
    try {
      await createStation(name, await auditActor(user))
    } catch (err) {
      return refused(err)
    }
    revalidatePath('/admin/stations')
    return { status: 'ok', data: { name } }
  },
})

export const renameStationAction = defineAction({
  schema: z.object({ station_id: stationId, name: checkedBy(stationNameSchema) }),
  permission: 'stations:manage',
  async handler({ station_id, name }, user): Promise<StationActionState> {
    try {
      await renameStation(station_id, name, await auditActor(user))
    } catch (err) {
      return refused(err)
    }
    revalidatePath('/admin/stations')
    return { status: 'ok', data: { name } }
  },
})

export const setAccountsAction = defineAction({
  // An absent field means the selected option was disabled (an inactive payer).
  schema: z.object({
    station_id: stationId,
    payer_id: checkedBy(dmsAccountIdSchema),
    reciever_weixin_id: checkedBy(dmsAccountIdSchema),
    reciever_alipay_id: checkedBy(dmsAccountIdSchema),
  }),
  permission: 'stations:manage',
  async handler(input, user): Promise<AccountsActionState> {
    const station = await getStation(input.station_id)
    if (!station) return { status: 'error', error: 'unknown_station' }
    const choice = {
      payerId: input.payer_id,
      recieverIds: { SCAN_WEIXIN: input.reciever_weixin_id, SCAN_ALIPAY: input.reciever_alipay_id },
    }
    const same = (way: PayWay) => choice.recieverIds[way] === station.recieverIds[way]
    if (
      station.legacyRecieverId === null &&
      choice.payerId === station.payerId &&
      PAY_WAYS.every(same)
    ) {
      return { status: 'ok', data: { changed: false, unchecked: false } }
    }
    // Checked against DMS again here: the page may be stale, and the form is only a convenience.
    const catalog = await loadDmsAccounts()
    if (catalog.ok) {
      const fieldErrors = checkAccountChoice(choice, station, catalog)
      if (Object.keys(fieldErrors).length > 0) {
        const errors = Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, [v]]))
        return { status: 'error', error: 'invalid-input', fieldErrors: errors }
      }
    }
    try {
      const accounts = {
        payerId: choice.payerId,
        recieverWeixinId: choice.recieverIds.SCAN_WEIXIN,
        recieverAlipayId: choice.recieverIds.SCAN_ALIPAY,
      }
      await setStationAccounts(station.id, accounts, await auditActor(user))
    } catch (err) {
      return refused(err)
    }
    revalidatePath('/admin/stations')
    return { status: 'ok', data: { changed: true, unchecked: !catalog.ok } }
  },
})

export const setAutoPrintAction = defineAction({
  // An unticked checkbox is absent from the form.
  schema: z.object({
    station_id: stationId,
    auto_print: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
  }),
  permission: 'stations:manage',
  async handler({ station_id, auto_print }, user): Promise<AutoPrintActionState> {
    const before = await getStation(station_id)
    if (!before) return { status: 'error', error: 'unknown_station' }
    try {
      await setStationAutoPrint(station_id, auto_print, await auditActor(user))
    } catch (err) {
      return refused(err)
    }
    revalidatePath('/admin/stations')
    return {
      status: 'ok',
      data: { changed: before.autoPrintReceipt !== auto_print, on: auto_print },
    }
  },
})
