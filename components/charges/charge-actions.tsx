'use client'

import { useActionState, useEffect } from 'react'
import { useTranslations } from 'next-intl'
import {
  cancelChargeAction,
  switchPayWayAction,
  type ChargeActionState,
} from '@/app/(staff)/charge/[id]/actions'
import type { ChargeView } from '@/lib/charges/view'
import { PayWayMark } from './pay-way-mark'

/** Cancel, or switch to the other pay way; each reports the charge back so the screen updates at once. */
export function ChargeActions({
  charge,
  onChange,
}: {
  charge: ChargeView
  onChange: (v: ChargeView) => void
}) {
  const t = useTranslations('charge')
  const tWay = useTranslations('payWay')
  const [cancelState, cancel, cancelling] = useActionState<ChargeActionState, FormData>(
    cancelChargeAction,
    { status: 'idle' },
  )
  const [switchState, switchWay, switching] = useActionState<ChargeActionState, FormData>(
    switchPayWayAction,
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
      {charge.cancelRequested ? (
        <p className="rounded-lg bg-gray-100 p-3 text-gray-700" aria-live="polite">
          {t('cancelPending')}
        </p>
      ) : (
        <div className="grid grid-cols-2 gap-3">
          {/* While the outcome is unknown there is no QR to switch from: only cancelling makes sense. */}
          {charge.status === 'unknown' ? (
            <span />
          ) : (
            <form action={switchWay}>
              <input type="hidden" name="charge_id" value={charge.id} />
              <input type="hidden" name="pay_way" value={other} />
              <button
                type="submit"
                disabled={busy}
                data-testid="charge-switch"
                className="flex h-14 w-full items-center justify-center gap-2 rounded-xl border-2 border-gray-200 bg-white font-medium hover:bg-gray-50 disabled:opacity-50"
              >
                <PayWayMark payWay={other} size={24} />
                {t('switchTo', { way: tWay(other) })}
              </button>
            </form>
          )}
          <form action={cancel}>
            <input type="hidden" name="charge_id" value={charge.id} />
            <button
              type="submit"
              disabled={busy}
              data-testid="charge-cancel"
              className="h-14 w-full rounded-xl border-2 border-red-200 bg-white font-medium text-status-failed hover:bg-red-50 disabled:opacity-50"
            >
              {cancelling ? t('cancelling') : t('cancel')}
            </button>
          </form>
        </div>
      )}
      {error && error.status === 'error' ? (
        <p
          data-testid="charge-action-error"
          aria-live="assertive"
          className="rounded-lg bg-red-50 p-3 text-status-failed"
        >
          {error.error === 'not-closed'
            ? t('switchNotClosed')
            : t('actionFailed', { message: error.error })}
        </p>
      ) : null}
    </div>
  )
}
