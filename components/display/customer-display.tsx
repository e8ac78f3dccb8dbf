'use client'

import { useEffect } from 'react'
import { displayStatus, type DisplayState } from '@/lib/display/view'
import { preloadDisplayQr } from './display-qr'
import { IdleScreen } from './idle-screen'
import { isEnded, OutcomeScreen } from './outcome-screen'
import { PaymentScreen } from './payment-screen'
import { ReconnectingMark } from './reconnecting-mark'
import type { DisplayTexts } from './texts'
import { useDisplayState } from './use-display-state'
import { useWakeLock } from './use-wake-lock'

/**
 * The customer tablet once paired: idle → the charge (QR, amount, countdown) → its outcome → idle.
 * `data-status` on `[data-testid=display-status]` says which, for kiosk scripts and tests.
 */
export function CustomerDisplay({
  initial,
  texts,
}: {
  initial: DisplayState
  /** In the shop's language, which is `initial.locale` (a change reloads the page). */
  texts: DisplayTexts
}) {
  const { state, charge, lastOkAt, offset } = useDisplayState(initial)
  useWakeLock()
  // The QR library comes after the first paint, and before any charge is pushed (display-qr.tsx).
  useEffect(preloadDisplayQr, [])
  const status = displayStatus(charge)
  const locale = initial.locale
  return (
    <main className="h-full w-full">
      <div data-testid="display-status" data-status={status} className="h-full w-full">
        {!charge ? (
          <IdleScreen
            shopName={state.shopName}
            welcome={texts.welcome}
            locale={locale}
            offset={offset}
          />
        ) : isEnded(charge.status) ? (
          <OutcomeScreen
            charge={{ ...charge, status: charge.status }}
            texts={texts}
            locale={locale}
          />
        ) : (
          <PaymentScreen charge={charge} texts={texts} locale={locale} offset={offset} />
        )}
      </div>
      {/* Read out by screen readers on a change; the screen itself says the same in large type. */}
      <p className="sr-only" aria-live="polite">
        {status === 'idle' ? '' : texts.statusText[status]}
      </p>
      <ReconnectingMark lastOkAt={lastOkAt} text={texts.reconnecting} />
    </main>
  )
}
