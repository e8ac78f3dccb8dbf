'use client'

import { useActionState, useState } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { FormMessage } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { revokeTabletAction, type TabletActionState } from './actions'
import { useTabletNotice } from './tablet-notice'
import { useTabletError } from './use-tablet-error'

/** Revoke in two steps (ask, then do): a stray tap must not take the counter's screen away. */
export function RevokeButton({ stationId, deviceId }: { stationId: string; deviceId: string }) {
  const t = useTranslations('tablets')
  const [asking, setAsking] = useState(false)
  const notice = useTabletNotice()
  const [state, action] = useActionState<TabletActionState, FormData>(
    async (previous, form) => {
      const next = await revokeTabletAction(previous, form)
      // Revoked meanwhile: the re-rendered list drops this row, and its message with it.
      notice(next.status === 'error' && next.stale ? next.error : null)
      return next
    },
    { status: 'idle' },
  )
  const error = useTabletError(state)
  if (!asking) {
    return (
      <button
        type="button"
        className={`${buttonClass('danger')} whitespace-nowrap`}
        data-testid="revoke-tablet"
        onClick={() => setAsking(true)}
      >
        {t('revoke')}
      </button>
    )
  }
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="station_id" value={stationId} />
      <input type="hidden" name="device_id" value={deviceId} />
      <p className="max-w-xs text-sm text-gray-700">{t('revokeQuestion')}</p>
      <div className="flex gap-2">
        <SubmitButton
          label={t('revokeConfirm')}
          pendingLabel={t('revoking')}
          variant="danger"
          testId="revoke-tablet-confirm"
        />
        <button type="button" className={buttonClass('secondary')} onClick={() => setAsking(false)}>
          {t('revokeKeep')}
        </button>
      </div>
      <FormMessage tone="error" text={error} />
    </form>
  )
}
