'use client'

import { useActionState, useEffect } from 'react'
import { useTranslations } from 'next-intl'
import type { ChargeView } from '@/lib/charges/view'
import { CancelChargeButton } from './cancel-charge-button'
import { PayWayMark } from './pay-way-mark'
import type { ChargeActionState, ChargeScreenActions } from './screen-actions'

/** Cancel (after a confirm), or switch to the other pay way; each reports the charge back so the screen updates at once. */
export function ChargeActions({
  charge,
  actions,
  onChange,
}: {
  charge: ChargeView
  actions: Pick<ChargeScreenActions, 'cancel' | 'switchPayWay'>
  onChange: (v: ChargeView) => void
}) {
  const t = useTranslations('charge')
  const tWay = useTranslations('payWay')
  const [cancelState, cancel, cancelling] = useActionState<ChargeActionState, FormData>(
    actions.cancel,
    { status: 'idle' },
  )
  const [switchState, switchWay, switching] = useActionState<ChargeActionState, FormData>(
    actions.switchPayWay,
    { status: 'idle' },
  )
  useEffect(() => {
    if (cancelState.status === 'ok') onChange(cancelState.data)
  }, [cancelState, onChange])
  useEffect(() => {
    if (switchState.status === 'ok') onChange(switchState.data)
  }, [switchState, onChange])

  const other = charge.payWay === 'SCAN_WEIXIN' ? 'SCAN_ALIPAY' : 'SCAN_WEIXIN'
  const busy = cancelling || switching || charge.status === 'creating'
  const error = [cancelState, switchState].find((s) => s.status === 'error')
  return (
    <div className="space-y-3">
      {/* While a cancel is pending the stage says so; nothing here to press twice. */}
      {charge.cancelRequested ? null : (
        <>
          {/* While the outcome is unknown there is no QR to switch from: only cancelling makes sense. */}
          {charge.status === 'unknown' ? null : (
            <form action={switchWay}>
              <input type="hidden" name="charge_id" value={charge.id} />
              <input type="hidden" name="pay_way" value={other} />
              <button
                type="submit"
                disabled={busy}
                data-testid="charge-switch"
                className="flex h-14 w-full items-center justify-center gap-2 rounded-xl border-2 border-gray-200 bg-white font-medium whitespace-nowrap hover:bg-gray-50 disabled:opacity-50"
              >
                <PayWayMark payWay={other} size={24} />
                {t('switchTo', { way: tWay(other) })}
              </button>
            </form>
          )}
          {/* Set apart from the switch (own row, red outline, asks first): a hurried tap on one never does the other. */}
          <CancelChargeButton
            chargeId={charge.id}
            action={cancel}
            busy={busy}
            cancelling={cancelling}
          />
        </>
      )}
      {error && error.status === 'error' ? (
        <p
          data-testid="charge-action-error"
          aria-live="assertive"
          className="rounded-lg bg-red-50 p-3 text-status-failed"
        >
          {error.error === 'not-closed'
            ? t('switchNotClosed')
            : error.error === 'no-account'
              ? t('switchNoAccount', { way: tWay(other) })
              : t('actionFailed', { message: error.error })}
        </p>
      ) : null}
    </div>
  )
}
