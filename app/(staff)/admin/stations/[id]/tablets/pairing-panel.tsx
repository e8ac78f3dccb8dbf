'use client'

import { useActionState, useEffect } from 'react'
import { useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { ChargeQr } from '@/components/charges/charge-qr'
import { formatSeconds, useCountdown } from '@/components/charges/countdown'
import { FormMessage } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { createPairingCodeAction, type TabletActionState } from './actions'
import { useTabletError } from './use-tablet-error'

/**
 * Re-renders the page from the server every `everyMs` while it is visible: tablets' "live" state,
 * a code that just got used and the tablet it paired appear without a manual reload.
 */
export function AutoRefresh({ everyMs }: { everyMs: number }) {
  const router = useRouter()
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh()
    }, everyMs)
    return () => clearInterval(timer)
  }, [router, everyMs])
  return null
}

export interface LiveCode {
  /** As typed, e.g. "KXMPRT". */
  code: string
  /** As shown, e.g. "KXM PRT". */
  formatted: string
  /** `<origin>/pair/<code>`: the QR's content. */
  url: string
  expiresAt: number
}

function CodeCard({ live, serverNow }: { live: LiveCode; serverNow: number }) {
  const t = useTranslations('tablets')
  const seconds = useCountdown(live.expiresAt, serverNow)
  if (seconds === 0) return <FormMessage tone="warning" text={t('codeExpired')} />
  return (
    <div className="flex flex-wrap items-center gap-8">
      <div className="space-y-2">
        <p className="text-sm text-gray-500">{t('codeLabel')}</p>
        <p
          data-testid="pairing-code"
          data-code={live.code}
          className="font-mono text-5xl font-bold tracking-widest tabular"
        >
          {live.formatted}
        </p>
        <p className="text-sm text-gray-600 tabular" suppressHydrationWarning>
          {t('codeExpires', { time: formatSeconds(seconds) })}
        </p>
        <p className="text-sm break-all text-gray-500" data-testid="pairing-url">
          {live.url}
        </p>
      </div>
      <ChargeQr value={live.url} size={200} testId="pairing-qr" />
    </div>
  )
}

/** Creates the station's pairing code and shows the live one: code, QR of the pairing URL, expiry. */
export function PairingPanel({
  stationId,
  live,
  serverNow,
  displayUrl,
}: {
  stationId: string
  live: LiveCode | null
  serverNow: number
  displayUrl: string
}) {
  const t = useTranslations('tablets')
  const [state, action] = useActionState<TabletActionState, FormData>(createPairingCodeAction, {
    status: 'idle',
  })
  const error = useTabletError(state)
  return (
    <div className="space-y-4">
      <p className="break-keep wrap-anywhere text-gray-700">
        {t('pairSteps', { url: displayUrl })}
      </p>
      {live ? (
        // Keyed: a new code restarts the countdown with the new expiry.
        <CodeCard key={live.code} live={live} serverNow={serverNow} />
      ) : (
        <p className="text-gray-500">{t('noCode')}</p>
      )}
      <form action={action}>
        <input type="hidden" name="station_id" value={stationId} />
        <SubmitButton
          label={live ? t('createAnother') : t('createCode')}
          pendingLabel={t('creating')}
          variant={live ? 'secondary' : 'primary'}
          testId="create-pairing-code"
        />
      </form>
      <FormMessage tone="error" text={error} testId="tablets-error" />
    </div>
  )
}
