'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { actionErrorKey } from '@/components/charges/action-error'
import { buttonClass } from '@/components/ui/button'
import { FormMessage } from '@/components/ui/field'
import { cancelChargeAction, type ChargeActionState } from '../[id]/actions'

/**
 * Cancels a bill's open charge from the new-charge form, so the cashier can start over. A refusal
 * (the session expired, the QR still being made) is said under the buttons, in the charge screen's
 * words for it: without it the button stayed as it was and the press seemed to do nothing.
 */
export function CancelOpenButton({ chargeId }: { chargeId: string }) {
  const t = useTranslations('newCharge')
  const tStatus = useTranslations('status')
  const tCharge = useTranslations('charge')
  const [state, action, pending] = useActionState<ChargeActionState, FormData>(cancelChargeAction, {
    status: 'idle',
  })
  if (state.status === 'ok') {
    return <span className="self-center font-medium">{tStatus(state.data.status)}</span>
  }
  const error =
    state.status === 'error' && !pending
      ? tCharge(`actionErrors.${actionErrorKey(state.error)}`)
      : null
  return (
    <>
      <form action={action}>
        <input type="hidden" name="charge_id" value={chargeId} />
        <button
          type="submit"
          disabled={pending}
          data-testid="cancel-open-charge"
          className={buttonClass('danger')}
        >
          {t('cancelOpen')}
        </button>
      </form>
      {/* A row of its own below the buttons; while empty, it takes no row (nor the row's gap). */}
      <FormMessage inGroup="row" tone="error" testId="cancel-open-error" text={error} />
    </>
  )
}
