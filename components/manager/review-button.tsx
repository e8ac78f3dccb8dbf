'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { markReviewedAction, type ReviewState } from '@/app/(staff)/attention/actions'

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
        className="min-h-11 rounded-xl px-4 font-medium whitespace-nowrap ring-1 ring-gray-300 hover:bg-gray-50 disabled:opacity-60"
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
