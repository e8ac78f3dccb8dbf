import 'server-only'
import { randomUUID } from 'node:crypto'
import type { DmsError, PayWay } from '@/lib/dms/types'
import { getSettings } from '@/lib/settings'
import { getStation } from '@/lib/stations'
import { applyInput } from './apply'
import { dmsErrorFields } from './dms-error-fields'
import { NETWORK_FAILURE_CODE } from './failure'
import { dms } from '@/lib/dms/client'
import { holdingPublishes } from '@/lib/feed/feed'
import { afterResponse } from '@/lib/server/after-response'
import { findPaidByBill, insertCharge } from './repo'
import { stationAccounts } from './station-accounts'
import { DMS, type Charge, type UserActor } from './types'

export interface CreateChargeInput {
  bzOrder: string
  amountFen: number
  payWay: PayWay
  stationId: string
}

export type CreateChargeResult =
  | { kind: 'created'; charge: Charge }
  /** The bill already has an open charge at this station for the same amount: resume its QR instead. */
  | { kind: 'open-exists'; charge: Charge }
  /** The bill has an open charge for a different amount: it must be cancelled first. */
  | { kind: 'amount-mismatch'; charge: Charge }
  /**
   * The bill has an open charge at another station (whatever its amount): its QR is on that
   * station's tablet and its money goes to that station's accounts, so it is not resumed here.
   * `stationName` is null if the station is gone.
   */
  | { kind: 'other-station'; charge: Charge; stationName: string | null }
  /** The ledger has the bill paid: nothing is recorded and DMS is not asked. */
  | { kind: 'already-paid'; charge: Charge }
  /** `no-account-for-way`: the station has no receiving account for this pay way; DMS isn't asked. */
  | {
      kind: 'station-not-ready'
      reason: 'no-station' | 'no-account' | 'no-account-for-way'
      dmsError?: never
    }
  /** The cashier's sentence comes from `error` (lib/dms/error-text.ts); the code and text are for the log. */
  | {
      kind: 'station-not-ready'
      reason: 'dms'
      dmsMessage: string
      dmsCode: number | null
      error: DmsError
    }

/**
 * Creates a charge: recorded as `creating` before DMS is called (so a crash or a lost answer leaves a
 * record to reconcile), then the QR is asked for exactly once. An unanswered create becomes `unknown`
 * and is settled by querying the bill — it is never sent again.
 */
export async function createCharge(
  input: CreateChargeInput,
  actor: UserActor,
): Promise<CreateChargeResult> {
  const paid = await findPaidByBill(input.bzOrder)
  if (paid) return { kind: 'already-paid', charge: paid }
  const accounts = await stationAccounts(input.stationId, input.payWay)
  if (!accounts.ok) {
    if (accounts.reason !== 'dms') return { kind: 'station-not-ready', reason: accounts.reason }
    const f = dmsErrorFields(accounts.error)
    return {
      kind: 'station-not-ready',
      reason: 'dms',
      dmsMessage: f.message,
      dmsCode: f.code,
      error: accounts.error,
    }
  }
  const settings = await getSettings()
  const now = Date.now()
  const inserted = await insertThenTell(
    {
      id: randomUUID(),
      bzOrder: input.bzOrder,
      amountFen: input.amountFen,
      payWay: input.payWay,
      stationId: input.stationId,
      cashierId: actor.id,
      payerId: accounts.payerId,
      recieverId: accounts.recieverId,
      expiresAt: now + settings.cashierTimeoutSec * 1000,
      createdAt: now,
    },
    { actor, type: 'created', detail: { amountFen: input.amountFen, payWay: input.payWay } },
  )
  if (!inserted.ok) {
    if (!inserted.open) return createCharge(input, actor) // the open one closed meanwhile: try again
    const open = inserted.open
    if (open.stationId !== input.stationId) {
      const station = await getStation(open.stationId)
      return { kind: 'other-station', charge: open, stationName: station?.name ?? null }
    }
    const sameAmount = open.amountFen === input.amountFen
    return { kind: sameAmount ? 'open-exists' : 'amount-mismatch', charge: open }
  }
  // The screens hear of DMS's answer once the cashier's is sent: their re-reads (the today list, the
  // tablet) ran in the middle of it and made the QR later (issue 14). They learn it a few ms later.
  const charge = await holdingPublishes(() => askDmsForQr(inserted.charge), afterResponse)
  return { kind: 'created', charge }
}

/**
 * insertCharge, with the screens told of the new charge (the tablet's "creating…") on the next turn
 * of the event loop: the DMS request is on its way by then, where their re-reads went first.
 */
function insertThenTell(...args: Parameters<typeof insertCharge>) {
  return holdingPublishes(
    () => insertCharge(...args),
    (send) => setImmediate(send),
  )
}

async function askDmsForQr(charge: Charge): Promise<Charge> {
  const res = await dms().createPayment({
    bzOrder: charge.bzOrder,
    amountFen: charge.amountFen,
    payWay: charge.payWay,
    payerId: charge.payerId,
    recieverId: charge.recieverId,
  })
  if (res.ok) {
    const p = res.data
    const ids = { bizOrderNo: p.bizOrderNo, orderNo: p.orderNo }
    if (p.payStatus === 'fail') {
      return applyInput(
        charge,
        { kind: 'create-declined', message: p.payFailMessage },
        {
          actor: DMS,
          patch: { ...ids, errorCode: NETWORK_FAILURE_CODE, errorMessage: p.payFailMessage },
          dmsCode: 1000,
          dmsMessage: p.payFailMessage,
        },
      )
    }
    // 'success' is unexpected for a scan: show the QR and let the next query confirm the payment.
    return applyInput(
      charge,
      { kind: 'create-accepted' },
      {
        actor: DMS,
        patch: { ...ids, payInfo: p.payInfo, nextCheckAt: Date.now() },
        dmsCode: 1000,
        detail: { bizOrderNo: p.bizOrderNo, orderNo: p.orderNo, payStatus: p.payStatus },
      },
    )
  }
  const f = dmsErrorFields(res.error)
  const patch = { errorCode: f.code, errorMessage: f.message, nextCheckAt: Date.now() }
  const opts = { actor: DMS, patch, dmsCode: f.code, dmsMessage: f.message, detail: f.detail }
  if (res.error.kind === 'rejected') {
    return applyInput(
      charge,
      { kind: 'create-declined', code: res.error.code, message: f.message },
      opts,
    )
  }
  if (res.error.kind === 'unavailable' && !res.error.sent) {
    return applyInput(charge, { kind: 'create-not-sent', message: f.message }, opts)
  }
  // Sent, but no usable answer: DMS may have created the QR. Only a query can tell.
  return applyInput(charge, { kind: 'create-unanswered' }, opts)
}
