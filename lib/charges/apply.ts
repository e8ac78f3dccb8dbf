import 'server-only'
import { NETWORK_FAILURE_CODE } from './failure'
import { getCharge, updateCharge } from './repo'
import { nextState, type ChargeInput } from './status-machine'
import type { Actor, Charge, ChargePatch } from './types'

export interface ApplyOptions {
  actor: Actor
  /** Fields to store together with the transition (DMS ids, QR content, error text…). */
  patch?: ChargePatch
  dmsCode?: number | null
  dmsMessage?: string | null
  detail?: Record<string, unknown> | null
  paidAt?: number | null
}

/**
 * Feeds one input through the pure status machine and stores the result with its timeline event.
 * When another process moved the charge first, the stored (newer) charge is returned unchanged:
 * the caller's input is then stale and must not overwrite it.
 */
export async function applyInput(
  charge: Charge,
  input: ChargeInput,
  opts: ApplyOptions,
  now = Date.now(),
): Promise<Charge> {
  const t = nextState(
    {
      status: charge.status,
      cancelRequested: charge.cancelRequestedAt !== null,
      paidAfterCancel: charge.paidAfterCancel,
      settledOutcome: charge.settledOutcome,
      settleDisputed: charge.settleDisputed,
    },
    input,
  )
  if (!t.changed || !t.event) {
    if (!opts.patch || Object.keys(opts.patch).length === 0) return charge
    return (await updateCharge(charge, opts.patch, null, now)) ?? (await getCharge(charge.id))!
  }
  const patch: ChargePatch = {
    ...opts.patch,
    status: t.status,
    paidAfterCancel: t.paidAfterCancel,
    settleDisputed: t.settleDisputed,
  }
  if (t.settledOutcome !== charge.settledOutcome) patch.settledOutcome = t.settledOutcome ?? null
  if (t.cancelRequested && charge.cancelRequestedAt === null) {
    patch.cancelRequestedAt = now
    // A person's name, or null for the cashier's own closes (the timeout, a QR never received):
    // telling them apart by SYSTEM's name took a staff member called "cashier" for the system.
    patch.cancelRequestedBy = opts.actor.type === 'user' ? opts.actor.name : null
  }
  if (t.status === 'paid' && charge.paidAt === null) patch.paidAt = opts.paidAt ?? now
  // A payment DMS reports failed carries the payment network's reason: kept on the charge as code
  // 3000 with its words, whichever path learned it (a query, a close refused with 2009, a
  // reconciliation). Done here, once, because the close and reconcile paths used to drop it and the
  // cashier then saw "failed" with no reason.
  if (input.kind === 'dms-status' && t.status === 'failed' && opts.patch?.errorCode === undefined) {
    patch.errorCode = NETWORK_FAILURE_CODE
    patch.errorMessage = input.message ?? ''
  }
  // Once DMS gives a definite, non-failed answer, an earlier error (a lost create, a timeout) is history:
  // it stays in the timeline but no longer describes the charge.
  if (!['failed', 'unknown', 'refused'].includes(t.status) && opts.patch?.errorCode === undefined) {
    patch.errorCode = null
    patch.errorMessage = null
  }
  const updated = await updateCharge(
    charge,
    patch,
    {
      actor: opts.actor,
      type: t.event.type,
      from: t.event.from,
      to: t.event.to,
      dmsCode: opts.dmsCode ?? null,
      dmsMessage: opts.dmsMessage ?? null,
      detail: opts.detail ?? null,
    },
    now,
  )
  return updated ?? (await getCharge(charge.id))!
}
