'use client'

import { useTranslations } from 'next-intl'
import { displayStatus, type DisplayState } from '@/lib/display/view'
import { IdleScreen } from './idle-screen'
import { isEnded, OutcomeScreen } from './outcome-screen'
import { PaymentScreen } from './payment-screen'
import { ReconnectingMark } from './reconnecting-mark'
import { useDisplayState } from './use-display-state'
import { useWakeLock } from './use-wake-lock'

/**
 * The customer tablet once paired: idle → the charge (QR, amount, countdown) → its outcome → idle.
 * `data-status` on `[data-testid=display-status]` says which, for kiosk scripts and tests.
 */
export function CustomerDisplay({ initial }: { initial: DisplayState }) {
  const t = useTranslations('display')
  const { state, charge, lastOkAt, offset } = useDisplayState(initial)
  useWakeLock()
  const status = displayStatus(charge)
  return (
    <main className="h-full w-full">
      <div data-testid="display-status" data-status={status} className="h-full w-full">
        {!charge ? (
          <IdleScreen shopName={state.shopName} offset={offset} />
        ) : isEnded(charge.status) ? (
          <OutcomeScreen charge={{ ...charge, status: charge.status }} />
        ) : (
          <PaymentScreen charge={charge} offset={offset} />
        )}
      </div>
      {/* Read out by screen readers on a change; the screen itself says the same in large type. */}
      <p className="sr-only" aria-live="polite">
        {status === 'idle' ? '' : t(`statusText.${status}`)}
      </p>
      <ReconnectingMark lastOkAt={lastOkAt} />
    </main>
  )
}
