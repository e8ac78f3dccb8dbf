'use client'

import { useEffect } from 'react'
import { useNow } from '@/components/charges/countdown'
import { useHydrated } from '@/components/ui/use-hydrated'
import { displayStatus, type DisplayState } from '@/lib/display/view'
import { preloadDisplayQr } from './display-qr'
import { IdleScreen } from './idle-screen'
import { isEnded, OutcomeScreen } from './outcome-screen'
import { PaymentScreen } from './payment-screen'
import type { DisplayTexts } from './texts'
import { useDisplayState } from './use-display-state'
import { useWakeLock } from './use-wake-lock'

/** One missed poll is not news; this long without an answer is. */
const SHOW_AFTER_MS = 4_000

/** A small, calm corner mark while the tablet cannot reach the server; it goes away by itself. */
function ReconnectingMark({ lastOkAt, text }: { lastOkAt: number; text: string }) {
  const now = useNow(1_000)
  if (now - lastOkAt < SHOW_AFTER_MS) return null
  return (
    <p
      data-testid="reconnecting"
      role="status"
      className="fixed right-[2vmin] bottom-[2vmin] flex items-center gap-2 rounded-full bg-black/60 px-4 py-2 text-base text-white/90"
    >
      <span className="h-2.5 w-2.5 animate-pulse rounded-full bg-amber-400" aria-hidden />
      {text}
    </p>
  )
}

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
  const { state, charge, lastOkAt, offset, connection } = useDisplayState(initial)
  // Only once hydrated: the mark says the screen's scripts run (start-watchdog.tsx).
  const started = useHydrated()
  useWakeLock()
  // The QR library comes after the first paint, and before any charge is pushed (display-qr.tsx).
  useEffect(preloadDisplayQr, [])
  const status = displayStatus(charge)
  const locale = initial.locale
  return (
    <main className="h-full w-full">
      <div
        data-testid="display-status"
        data-status={status}
        data-connection={started ? connection : undefined}
        className="h-full w-full"
      >
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
        {!charge ? '' : charge.expired ? texts.timedOut.title : texts.statusText[charge.status]}
      </p>
      <ReconnectingMark lastOkAt={lastOkAt} text={texts.reconnecting} />
    </main>
  )
}
