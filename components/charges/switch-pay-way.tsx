'use client'

import { useActionState, useEffect } from 'react'
import { useTranslations } from 'next-intl'
import type { PayWay } from '@/lib/dms/types'
import type { ChargeView } from '@/lib/charges/view'
import { buttonClass } from '@/components/ui/button'
import { actionErrorKey } from './action-error'
import { PayWayMark } from './pay-way-mark'
import type { ChargeActionState, FormAction } from './screen-actions'
import { FormMessage } from '@/components/ui/field'

/**
 * 切换到支付宝/微信: the charge's QR for the other pay way. Reports the charge back (the screen
 * updates at once) and whether it is under way (the cancel waits meanwhile). A part of its own
 * (screen-parts.tsx): the charge screen's first load holds only the cancel.
 */
export function SwitchPayWay({
  chargeId,
  payWay,
  busy,
  action,
  onChange,
  onSwitching,
}: {
  chargeId: string
  payWay: PayWay
  /** A cancel under way (this switch's own close too), or the charge still being created. */
  busy: boolean
  action: FormAction<ChargeView>
  onChange: (v: ChargeView) => void
  /** The pay way it is switching to while it is under way, else null. */
  onSwitching: (to: PayWay | null) => void
}) {
  const t = useTranslations('charge')
  const tWay = useTranslations('payWay')
  const [state, switchWay, switching] = useActionState<ChargeActionState, FormData>(action, {
    status: 'idle',
  })
  useEffect(() => {
    if (state.status === 'ok') onChange(state.data)
  }, [state, onChange])
  const other = payWay === 'SCAN_WEIXIN' ? 'SCAN_ALIPAY' : 'SCAN_WEIXIN'
  useEffect(() => onSwitching(switching ? other : null), [switching, other, onSwitching])

  return (
    <>
      <form action={switchWay}>
        <input type="hidden" name="charge_id" value={chargeId} />
        <input type="hidden" name="pay_way" value={other} />
        <button
          type="submit"
          disabled={busy || switching}
          data-testid="charge-switch"
          className={`${buttonClass('secondary', 'lg')} w-full whitespace-nowrap`}
        >
          <PayWayMark payWay={other} size={24} />
          {t(switching ? 'switching' : 'switchTo', { way: tWay(other) })}
        </button>
      </form>
      <FormMessage
        tone="error"
        testId="charge-action-error"
        text={
          // 'ended' re-renders the page with the charge ended, this switch gone: the screen says it.
          state.status !== 'error' || state.error === 'ended'
            ? null
            : state.error === 'not-closed'
              ? t('switchNotClosed')
              : state.error === 'no-account'
                ? t('switchNoAccount', { way: tWay(other) })
                : t(`actionErrors.${actionErrorKey(state.error)}`)
        }
      />
    </>
  )
}
