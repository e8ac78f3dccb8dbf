import type { PayerAccount, PayWay, ReceivingAccount } from '@/lib/dms/types'
import { receiverProblem } from './account-choice'

/*
 * What the accounts form shows for one station: the options with their labels, and a warning when the
 * stored account is no longer usable. Built on the server (labels translated there) so the client
 * component gets plain data. `options: null` means DMS could not be reached: the form shows the ids.
 */

export interface AccountOption {
  value: string
  label: string
  disabled: boolean
}

export interface AccountField {
  current: string
  options: AccountOption[] | null
  warning: string | null
}

type Text = (key: string, params?: Record<string, string>) => string

const named = (a: { name: string; id: string }, text: Text) =>
  text('accounts.named', { name: a.name || a.id, id: a.id })

function field(
  current: string | null,
  options: AccountOption[],
  warning: string | null,
  text: Text,
  emptyLabel = 'accounts.auto',
) {
  const auto: AccountOption = { value: '', label: text(emptyLabel), disabled: false }
  const listed = current === null || options.some((o) => o.value === current)
  const kept: AccountOption[] = listed
    ? []
    : [{ value: current, label: text('accounts.unlisted', { id: current }), disabled: false }]
  return {
    current: current ?? '',
    options: [auto, ...options, ...kept],
    warning: listed ? warning : text('accounts.warnUnlisted'),
  }
}

export function payerField(current: string | null, payer: PayerAccount, text: Text): AccountField {
  const suffix = payer.active ? '' : text('accounts.inactive')
  const option = { value: payer.id, label: named(payer, text) + suffix, disabled: !payer.active }
  const warning = current === payer.id && !payer.active ? text('accounts.warnInactive') : null
  return field(current, [option], warning, text)
}

/**
 * One pay way's receiving account: only the verified accounts that take it are offered. A current
 * account that can't (unverified, or not that pay way) stays shown, with a warning, until changed.
 */
export function receiverField(
  current: string | null,
  receivers: ReceivingAccount[],
  way: PayWay,
  text: Text,
): AccountField {
  const usable = receivers.filter((r) => receiverProblem(r, way) === null)
  const options = usable.map((r) => ({ value: r.id, label: named(r, text), disabled: false }))
  const chosen = receivers.find((r) => r.id === current)
  const problem = chosen ? receiverProblem(chosen, way) : null
  if (chosen && problem) {
    const suffix = text(problem === 'unverified' ? 'accounts.unverified' : 'accounts.notThisWay')
    options.push({ value: chosen.id, label: named(chosen, text) + suffix, disabled: false })
  }
  const warning = problem
    ? text(problem === 'unverified' ? 'accounts.warnUnverified' : 'accounts.warnNotThisWay')
    : null
  return field(current, options, warning, text, 'accounts.unset')
}

/** DMS unreachable: the stored ids, editable as text. */
export function plainField(current: string | null): AccountField {
  return { current: current ?? '', options: null, warning: null }
}
