'use client'

import { useFormatter, useLocale, useTranslations } from 'next-intl'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { buttonClass } from '@/components/ui/button'
import { focusOnMount } from '@/components/charges/focus-on-mount'
import { beijingDay } from '@/lib/charges/beijing-day'
import { formatFen } from '@/lib/money'
import type { NewChargeState } from './actions'
import { CancelOpenButton } from './cancel-open-button'

/** Outside the form: the outcome may hold its own form (cancel the open charge). */
export function FormOutcome({ state }: { state: NewChargeState }) {
  const t = useTranslations('newCharge')
  const format = useFormatter()
  const locale = useLocale()
  if (state.status === 'error') {
    const max = formatFen(Number(state.stale?.max ?? 0), locale)
    return <Refusal message={t(`errors.${state.error}` as 'errors.invalid-input', { max })} />
  }
  // A created charge has its own screen (charge-flow.tsx): nothing to say here.
  if (state.status !== 'ok' || state.data.kind === 'created') return <div aria-live="polite" />
  const r = state.data
  if (r.kind === 'station-not-ready') {
    const text =
      r.reason === 'dms'
        ? t('errors.station-dms', { message: r.message ?? '', action: r.action ?? '' })
        : t(`errors.${r.reason}` as 'errors.no-station')
    return <Refusal message={text} />
  }
  const amount = formatFen(r.amountFen, locale)
  const chargeHref = `/charge/${r.chargeId}`
  if (r.kind === 'already-paid') {
    return (
      <Refusal
        tone="paid"
        testId="bill-already-paid"
        message={t('alreadyPaid', { bill: r.bzOrder, time: paidTime(r.paidAt, format), amount })}
      >
        <Link
          href={chargeHref}
          data-testid="view-paid-charge"
          ref={focusOnMount}
          className={buttonClass('primary')}
        >
          {t('viewPaid')}
        </Link>
      </Refusal>
    )
  }
  if (r.kind === 'open-exists') {
    return (
      <Refusal
        tone="open"
        testId="charge-open-exists"
        message={t('openExists', { bill: r.bzOrder, amount })}
      >
        <Link
          href={chargeHref}
          data-testid="resume-charge"
          ref={focusOnMount}
          className={buttonClass('primary')}
        >
          {t('resume')}
        </Link>
      </Refusal>
    )
  }
  if (r.kind === 'other-station') {
    // Not resumed here: the QR is on the other station's tablet and the money goes to its accounts.
    const station = r.stationName ?? t('anotherStation')
    return (
      <Refusal testId="charge-other-station" message={t('otherStation', { station, amount })}>
        <CancelOpenButton chargeId={r.chargeId} />
      </Refusal>
    )
  }
  return (
    <Refusal message={t('amountMismatch', { bill: r.bzOrder, amount })}>
      <Link href={chargeHref} className={buttonClass('secondary')}>
        {t('viewOpen')}
      </Link>
      <CancelOpenButton chargeId={r.chargeId} />
    </Refusal>
  )
}

const TONE = {
  refused: 'bg-red-50 text-status-failed',
  open: 'bg-amber-50 text-amber-900',
  paid: 'bg-green-50 text-green-900 ring-1 ring-green-200',
} as const

/** Why this bill gets no new charge, read out at once, and what the cashier can do instead. */
function Refusal({
  message,
  tone = 'refused',
  testId = 'charge-error',
  children,
}: {
  message: string
  tone?: keyof typeof TONE
  testId?: string
  children?: ReactNode
}) {
  return (
    <div data-testid={testId} aria-live="assertive" className={`rounded-lg p-4 ${TONE[tone]}`}>
      <p className="font-medium">{message}</p>
      {children ? <div className="mt-3 flex flex-wrap gap-3">{children}</div> : null}
    </div>
  )
}

/** Beijing time; the date too when it was not today. */
function paidTime(at: number, format: ReturnType<typeof useFormatter>): string {
  return format.dateTime(
    at,
    beijingDay(at) === beijingDay(Date.now()) ? 'time' : 'dayMinuteUnpadded',
  )
}
