import type { ActionState } from '@/lib/actions/define-action'
import { isChargeStatus, type ChargeStatus } from '@/lib/charges/status'

type Refused = Extract<ActionState<unknown>, { status: 'error' }>

/**
 * What the detail page's forms (the check, the settle) say about a refusal: the message key under
 * `errors.` (one the form has words for, else `failed`) and, when the refusal was because the page
 * was stale, the status the charge has now, for the message to name (the page shows it too, having
 * been re-rendered by the action: lib/actions/define-action.ts).
 */
export function chargeRefusal(
  state: Refused,
  known: readonly string[],
): { key: string; stale: boolean; status: ChargeStatus | null } {
  const now = state.stale?.status
  return {
    key: known.includes(state.error) ? state.error : 'failed',
    stale: state.stale !== undefined,
    status: isChargeStatus(now) ? now : null,
  }
}
