'use client'

import { useActionState, useCallback, useEffect, useState } from 'react'
import { useTranslations } from 'next-intl'
import type { ChargeView } from '@/lib/charges/view'
import type { PayWay } from '@/lib/dms/types'
import { actionErrorKey } from './action-error'
import { CancelChargeButton } from './cancel-charge-button'
import type { ChargeActionState, ChargeScreenActions } from './screen-actions'
import { SwitchPart } from './screen-parts'
import { FormMessage } from '@/components/ui/field'

/**
 * Cancel (after a confirm), or switch to the other pay way; each reports the charge back so the
 * screen updates at once. The cancel and its confirm are in the screen's first load: 取消收款 and
 * Esc answer the moment the screen is there, whatever the network. The switch comes as a part.
 */
export function ChargeActions({
  charge,
  actions,
  onChange,
  switchingTo,
  onSwitching,
  cancelAsked,
}: {
  charge: ChargeView
  actions: Pick<ChargeScreenActions, 'cancel' | 'switchPayWay'>
  onChange: (v: ChargeView) => void
  /** The pay way this screen's switch is under way to, else null (held by charge-screen-body.tsx). */
  switchingTo: PayWay | null
  /** The switch started (its pay way) or ended (null): the screen holds it, the stage says it. */
  onSwitching: (to: PayWay | null) => void
  /** Esc was pressed before these were drawn (charge-screen.tsx). */
  cancelAsked?: boolean
}) {
  const t = useTranslations('charge')
  const [cancelState, cancel, cancelling] = useActionState<ChargeActionState, FormData>(
    actions.cancel,
    { status: 'idle' },
  )
  // A switch closes the QR first, so the charge turns cancel-requested before the switch answers:
  // its part stays once pressed, disabled, to say it is under way and then a refusal (DMS did not
  // confirm the close). Taken away with the charge's cancel, it went mid-flight with its answer.
  const [switched, setSwitched] = useState(false)
  const onSwitchingTo = useCallback(
    (to: PayWay | null) => {
      if (to) setSwitched(true)
      onSwitching(to)
    },
    [onSwitching],
  )
  useEffect(() => {
    if (cancelState.status === 'ok') onChange(cancelState.data)
  }, [cancelState, onChange])

  const creating = charge.status === 'creating'
  const switching = switchingTo !== null
  return (
    <div className="space-y-3">
      {/* While a cancel is pending the stage says so; nothing here to press twice. */}
      {charge.cancelRequested && !switched ? null : (
        <>
          {/* While the outcome is unknown there is no QR to switch from: only cancelling makes sense. */}
          {charge.status === 'unknown' ? null : (
            <SwitchPart
              chargeId={charge.id}
              payWay={charge.payWay}
              busy={cancelling || creating || charge.cancelRequested}
              action={actions.switchPayWay}
              onChange={onChange}
              onSwitching={onSwitchingTo}
            />
          )}
          {/* Set apart from the switch (own row, red outline, asks first): a hurried tap on one never does the other. */}
          {charge.cancelRequested ? null : (
            <CancelChargeButton
              chargeId={charge.id}
              action={cancel}
              busy={cancelling || switching || creating}
              cancelling={cancelling}
              asked={cancelAsked}
            />
          )}
        </>
      )}
      <FormMessage
        tone="error"
        testId="charge-action-error"
        text={
          cancelState.status === 'error'
            ? t(`actionErrors.${actionErrorKey(cancelState.error)}`)
            : null
        }
      />
    </div>
  )
}
