'use server'

import { userActor } from '@/lib/charges/types'
import { z } from 'zod'
import { requestLocale } from '@/i18n/request-locale'
import { defineAction, staleRefusal, type ActionState } from '@/lib/actions/define-action'
import { parseBillNumber } from '@/lib/charges/bill-number'
import { createCharge } from '@/lib/charges/create'
import { rememberStation } from '@/lib/charges/station-cookie'
import { toChargeView, type ChargeView } from '@/lib/charges/view'
import { parseYuan } from '@/lib/money'
import { describeDmsError } from '@/lib/dms/error-text'
import { payWaySchema } from '@/lib/dms/types'
import { getSettings } from '@/lib/settings/repo'
import { getStation } from '@/lib/stations/repo'

type Outcome =
  | {
      kind: 'open-exists' | 'amount-mismatch'
      chargeId: string
      bzOrder: string
      amountFen: number
    }
  | {
      kind: 'other-station'
      chargeId: string
      bzOrder: string
      amountFen: number
      stationName: string | null
    }
  | { kind: 'station-not-ready'; reason: string; message?: string; action?: string }
  | { kind: 'already-paid'; chargeId: string; bzOrder: string; amountFen: number; paidAt: number }

/**
 * A created charge comes back as the charge screen's whole view, so the browser shows the screen
 * from this one answer (no redirect, no second render, no GET of what it was just given).
 */
export interface CreatedCharge {
  kind: 'created'
  charge: ChargeView
  speakByDefault: boolean
  autoPrint: boolean
}

/** Any other outcome, with what was typed: React resets the form after the action. */
export type NewChargeResult = (Outcome & { values: Record<string, string> }) | CreatedCharge

export type NewChargeState = ActionState<NewChargeResult>

const schema = z.object({
  bz_order: z.string().transform((v, ctx) => {
    const r = parseBillNumber(v)
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason })
    return r.ok ? r.value : ''
  }),
  amount: z.string(),
  pay_way: payWaySchema,
  station_id: z.string().min(1, 'invalid').max(64, 'invalid'),
  /** The maximum the form was drawn with (and checks against): tells a lowered limit from a typo. */
  drawn_max_fen: z.string().optional(),
})

export const createChargeAction = defineAction({
  schema,
  permission: 'charge:create',
  async handler(input, user): Promise<NewChargeState> {
    // The maximum is a shop setting, so the amount is checked here rather than in the static schema.
    const { maxAmountFen, speakPaid } = await getSettings()
    const amount = parseYuan(input.amount, { maxFen: maxAmountFen })
    if (!amount.ok) {
      const fieldErrors = { amount: [amount.reason] }
      // A manager lowered the limit since the form was drawn: its own copy would quote the old one,
      // so the page is re-rendered with the limit now in force, which the message names.
      const drawn = input.drawn_max_fen
      if (amount.reason === 'too-large' && drawn !== undefined && drawn !== String(maxAmountFen)) {
        return { ...staleRefusal('max-changed', { max: maxAmountFen }), fieldErrors }
      }
      return { status: 'error', error: 'invalid-input', fieldErrors }
    }
    const values = {
      bz_order: input.bz_order,
      amount: input.amount,
      pay_way: input.pay_way,
      station_id: input.station_id,
    }
    await rememberStation(input.station_id)
    const result = await createCharge(
      {
        bzOrder: input.bz_order,
        amountFen: amount.fen,
        payWay: input.pay_way,
        stationId: input.station_id,
      },
      userActor(user),
    )
    if (result.kind === 'created') {
      const [locale, station] = await Promise.all([
        requestLocale(),
        getStation(result.charge.stationId),
      ])
      return {
        status: 'ok',
        data: {
          kind: 'created',
          charge: toChargeView(result.charge, locale),
          speakByDefault: speakPaid,
          autoPrint: station?.autoPrintReceipt ?? false,
        },
      }
    }
    if (result.kind === 'station-not-ready') {
      if (result.reason !== 'dms') {
        return { status: 'ok', data: { kind: 'station-not-ready', reason: result.reason, values } }
      }
      // The DMS client's own notes ("ECONNREFUSED: connect … <DMS host>", "HTTP 503: …") are for
      // the log: the cashier gets the error's sentence, and a timeout (no charge was started, so
      // nothing is being checked) words of its own.
      console.warn('new charge: DMS accounts unreadable', result.dmsCode, result.dmsMessage)
      if (result.error.kind === 'unknown') {
        return { status: 'ok', data: { kind: 'station-not-ready', reason: 'dms-timeout', values } }
      }
      const said = describeDmsError(result.error, await requestLocale())
      const message = said.message.replace(/[。．.！!]+$/u, '')
      return {
        status: 'ok',
        data: { kind: 'station-not-ready', reason: 'dms', message, action: said.action, values },
      }
    }
    const c = result.charge
    if (result.kind === 'already-paid') {
      const paid = { chargeId: c.id, bzOrder: c.bzOrder, amountFen: c.amountFen }
      return {
        status: 'ok',
        data: { kind: 'already-paid', ...paid, paidAt: c.paidAt ?? c.updatedAt, values },
      }
    }
    if (result.kind === 'other-station') {
      const open = { chargeId: c.id, bzOrder: c.bzOrder, amountFen: c.amountFen }
      return {
        status: 'ok',
        data: { kind: 'other-station', ...open, stationName: result.stationName, values },
      }
    }
    return {
      status: 'ok',
      data: {
        kind: result.kind,
        chargeId: c.id,
        bzOrder: c.bzOrder,
        amountFen: c.amountFen,
        values,
      },
    }
  },
})
