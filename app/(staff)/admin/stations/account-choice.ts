/*
 * Which DMS accounts a station may be set to, as DMS lists them right now. Pure: the form greys out the
 * same options the action refuses, and tests cover the rules without a DMS.
 */

export interface AccountCatalog {
  payer: { id: string; active: boolean }
  receivers: readonly { id: string; verified: boolean; payWays: readonly string[] }[]
}

export interface AccountChoice {
  payerId: string | null
  recieverId: string | null
}

export type ChoiceProblem = 'not-in-dms' | 'inactive' | 'unverified' | 'no-pay-way'

/** Why a receiving account can't take payments, or null when it can. */
export function receiverProblem(r: AccountCatalog['receivers'][number]): ChoiceProblem | null {
  if (!r.verified) return 'unverified'
  return r.payWays.length === 0 ? 'no-pay-way' : null
}

/**
 * Problems with a choice, per form field. Empty (null) is always allowed: the station then takes its
 * defaults from DMS at its next charge. A value DMS no longer lists may be kept (the admin may be
 * changing only the other account) but not newly chosen; an unusable account is refused either way.
 */
export function checkAccountChoice(
  choice: AccountChoice,
  current: AccountChoice,
  catalog: AccountCatalog,
): { payer_id?: ChoiceProblem; reciever_id?: ChoiceProblem } {
  const problems: { payer_id?: ChoiceProblem; reciever_id?: ChoiceProblem } = {}
  const { payerId, recieverId } = choice
  if (payerId !== null) {
    if (payerId === catalog.payer.id) {
      if (!catalog.payer.active) problems.payer_id = 'inactive'
    } else if (payerId !== current.payerId) {
      problems.payer_id = 'not-in-dms'
    }
  }
  if (recieverId !== null) {
    const listed = catalog.receivers.find((r) => r.id === recieverId)
    const problem = listed ? receiverProblem(listed) : null
    if (problem) problems.reciever_id = problem
    else if (!listed && recieverId !== current.recieverId) problems.reciever_id = 'not-in-dms'
  }
  return problems
}
