import type { PayWay } from '@/lib/dms/types'

/*
 * Which DMS accounts a station may be set to, as DMS lists them right now. Pure: the form offers
 * the same options the action accepts, and tests cover the rules without a DMS.
 */

export interface AccountCatalog {
  payer: { id: string; active: boolean }
  receivers: readonly { id: string; verified: boolean; payWays: readonly string[] }[]
}

export interface AccountChoice {
  payerId: string | null
  recieverIds: Record<PayWay, string | null>
}

/** The form field of each pay way's receiving account. */
export const RECIEVER_FIELDS = {
  SCAN_WEIXIN: 'reciever_weixin_id',
  SCAN_ALIPAY: 'reciever_alipay_id',
} as const satisfies Record<PayWay, string>

export type AccountFieldName = 'payer_id' | (typeof RECIEVER_FIELDS)[PayWay]

export type ChoiceProblem = 'not-in-dms' | 'inactive' | 'unverified' | 'no-pay-way'

/** Why a receiving account can't take payments of this pay way, or null when it can. */
export function receiverProblem(
  r: AccountCatalog['receivers'][number],
  way: PayWay,
): ChoiceProblem | null {
  if (!r.verified) return 'unverified'
  return r.payWays.includes(way) ? null : 'no-pay-way'
}

/**
 * Problems with a choice, per form field. Empty (null) is always allowed: a pay way without an
 * account is refused at the desk with "ask a manager" (a station with none at all takes its defaults
 * from DMS at its next charge). A value DMS no longer lists may be kept (the manager may be changing
 * only another account) but not newly chosen; an account that can't take the pay way is refused.
 */
export function checkAccountChoice(
  choice: AccountChoice,
  current: AccountChoice,
  catalog: AccountCatalog,
): Partial<Record<AccountFieldName, ChoiceProblem>> {
  const problems: Partial<Record<AccountFieldName, ChoiceProblem>> = {}
  const { payerId } = choice
  if (payerId !== null) {
    if (payerId === catalog.payer.id) {
      if (!catalog.payer.active) problems.payer_id = 'inactive'
    } else if (payerId !== current.payerId) {
      problems.payer_id = 'not-in-dms'
    }
  }
  for (const way of Object.keys(RECIEVER_FIELDS) as PayWay[]) {
    const id = choice.recieverIds[way]
    if (id === null) continue
    const listed = catalog.receivers.find((r) => r.id === id)
    const problem = listed ? receiverProblem(listed, way) : null
    if (problem) problems[RECIEVER_FIELDS[way]] = problem
    else if (!listed && id !== current.recieverIds[way]) {
      problems[RECIEVER_FIELDS[way]] = 'not-in-dms'
    }
  }
  return problems
}
