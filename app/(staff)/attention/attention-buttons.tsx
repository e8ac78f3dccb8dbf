'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import {
  markReviewedAction,
  recheckAllAction,
  type RecheckAllState,
  type ReviewState,
} from './actions'

/** Re-checks the whole list with DMS, one charge after another, and says how it went. */
export function RecheckAllButton() {
  const t = useTranslations('manager.attention')
  const tErr = useTranslations('manager.recheck.errors')
  const [state, action, pending] = useActionState<RecheckAllState, FormData>(recheckAllAction, {
    status: 'idle',
  })
  let message: string | null = null
  if (pending) message = t('recheckingAll')
  else if (state.status === 'ok') {
    message = t('allDone', { count: state.data.checked, changed: state.data.changed })
    if (state.data.remaining > 0) message += ` ${t('remaining', { count: state.data.remaining })}`
  } else if (state.status === 'error') {
    message = tErr(['forbidden', 'unauthenticated'].includes(state.error) ? state.error : 'failed')
  }
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <button type="submit" disabled={pending} data-testid="recheck-all" className={buttonClass()}>
        {t('recheckAll')}
      </button>
      <p
        aria-live="polite"
        data-testid="recheck-all-result"
        className="max-w-sm text-right text-sm text-gray-700"
      >
        {message}
      </p>
    </form>
  )
}

/** Takes a paid-after-cancel charge off the list once the manager has dealt with the customer. */
export function ReviewButton({ chargeId }: { chargeId: string }) {
  const t = useTranslations('manager.attention')
  const tErr = useTranslations('manager.recheck.errors')
  const [state, action, pending] = useActionState<ReviewState, FormData>(markReviewedAction, {
    status: 'idle',
  })
  const error = state.status === 'error' ? state.error : null
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="charge_id" value={chargeId} />
      <button
        type="submit"
        disabled={pending || state.status === 'ok'}
        data-testid="attention-reviewed"
        className={`${buttonClass('secondary')} whitespace-nowrap`}
      >
        {t('markReviewed')}
      </button>
      <p aria-live="polite" className="text-sm text-gray-700">
        {state.status === 'ok' ? t('reviewed') : null}
        {error
          ? tErr(['forbidden', 'unauthenticated', 'not-found'].includes(error) ? error : 'failed')
          : null}
      </p>
    </form>
  )
}
