'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { cancelChargeAction, type ChargeActionState } from '../[id]/actions'

/** Cancels a bill's open charge from the new-charge form, so the cashier can start over. */
export function CancelOpenButton({ chargeId }: { chargeId: string }) {
  const t = useTranslations('newCharge')
  const tStatus = useTranslations('status')
  const [state, action, pending] = useActionState<ChargeActionState, FormData>(cancelChargeAction, {
    status: 'idle',
  })
  if (state.status === 'ok') {
    return <span className="self-center font-medium">{tStatus(state.data.status)}</span>
  }
  return (
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
  )
}
