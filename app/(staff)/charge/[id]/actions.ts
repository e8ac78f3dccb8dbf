'use server'

import { userActor } from '@/lib/charges/types'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { requestLocale } from '@/i18n/request-locale'
import { defineAction, staleRefusal, type ActionState } from '@/lib/actions/define-action'
import { cancelCharge } from '@/lib/charges/cancel'
import { printFirstReceipt, printReceipt } from '@/lib/charges/receipt'
import { getCharge } from '@/lib/charges/repo'
import type { ReceiptView } from '@/lib/charges/receipt-view'
import { switchPayWay } from '@/lib/charges/switch-pay-way'
import { toChargeView, type ChargeView } from '@/lib/charges/view'
import { payWaySchema } from '@/lib/dms/types'
import { getStation } from '@/lib/stations/repo'

export type ChargeActionState = ActionState<ChargeView>

const chargeId = z.string().uuid()

export const cancelChargeAction = defineAction({
  schema: z.object({ charge_id: chargeId }),
  permission: 'charge:cancel',
  async handler({ charge_id }, user): Promise<ChargeActionState> {
    const result = await cancelCharge(charge_id, userActor(user), 'cancel')
    if (result.kind === 'not-found') return { status: 'error', error: 'not-found' }
    if (result.kind === 'busy') return { status: 'error', error: 'busy' }
    return { status: 'ok', data: toChargeView(result.charge, await requestLocale()) }
  },
})

export const switchPayWayAction = defineAction({
  schema: z.object({ charge_id: chargeId, pay_way: payWaySchema }),
  permission: 'charge:create',
  async handler({ charge_id, pay_way }, user): Promise<ChargeActionState> {
    const actor = userActor(user)
    const result = await switchPayWay(charge_id, pay_way, actor)
    if (result.kind === 'not-found') return { status: 'error', error: 'not-found' }
    // The screen was drawn while it was open: re-rendered, it shows the charge ended (and 重新收款).
    if (result.kind === 'ended') return staleRefusal('ended', { status: result.charge.status })
    const locale = await requestLocale()
    if (result.kind === 'paid') return { status: 'ok', data: toChargeView(result.charge, locale) }
    if (result.kind === 'not-closed') return { status: 'error', error: 'not-closed' }
    if (result.kind === 'station-not-ready') {
      return { status: 'error', error: result.reason === 'dms' ? 'switch-failed' : 'no-account' }
    }
    const created = result.result
    if (created.kind === 'created' || created.kind === 'open-exists') {
      redirect(`/charge/${created.charge.id}`)
    }
    return { status: 'error', error: 'switch-failed' }
  },
})

/**
 * Records a print of a paid charge's receipt and returns it, numbered (later copies are reprints).
 * The button is drawn only for a paid charge, so "not paid" means the page is stale: the charge
 * was refunded since it was drawn (a manager's detail page does not follow the charge live). The
 * refusal re-renders the page, which then shows the charge as it is, and names its status.
 */
export const printReceiptAction = defineAction({
  schema: z.object({ charge_id: chargeId }),
  permission: 'charge:view',
  async handler({ charge_id }, user): Promise<ActionState<ReceiptView>> {
    const result = await printReceipt(charge_id, user.id)
    if (result.kind === 'not-found') return { status: 'error', error: 'not-found' }
    if (result.kind === 'not-paid') return staleRefusal('not-paid', { status: result.status })
    return { status: 'ok', data: result.receipt }
  },
})

/**
 * The station's automatic print when the screen sees its charge paid: the first copy only, so a
 * reload or a second screen does not print it again ('printed': nothing to do).
 */
export const autoPrintReceiptAction = defineAction({
  schema: z.object({ charge_id: chargeId }),
  permission: 'charge:view',
  async handler({ charge_id }, user): Promise<ActionState<ReceiptView>> {
    const charge = await getCharge(charge_id)
    if (!charge) return { status: 'error', error: 'not-found' }
    // Re-checked here, not trusted from the screen: the station may have turned it off since.
    const station = await getStation(charge.stationId)
    if (!station?.autoPrintReceipt) return { status: 'error', error: 'off' }
    const receipt = await printFirstReceipt(charge_id, user.id)
    if (!receipt) return { status: 'error', error: 'printed' }
    return { status: 'ok', data: receipt }
  },
})
