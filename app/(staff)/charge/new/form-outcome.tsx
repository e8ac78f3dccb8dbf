'use client'

import { useLocale, useTranslations } from 'next-intl'
import Link from 'next/link'
import { focusOnMount } from '@/components/charges/focus-on-mount'
import { formatFen } from '@/lib/money'
import type { NewChargeState } from './actions'
import { CancelOpenButton } from './cancel-open-button'

/** Outside the form: the outcome may hold its own form (cancel the open charge). */
export function FormOutcome({ state }: { state: NewChargeState }) {
  const t = useTranslations('newCharge')
  const locale = useLocale()
  if (state.status === 'error') {
    return (
      <p
        data-testid="charge-error"
        aria-live="assertive"
        className="rounded-lg bg-red-50 p-3 text-status-failed"
      >
        {t(`errors.${state.error}` as 'errors.invalid-input')}
      </p>
    )
  }
  // A created charge has its own screen (charge-flow.tsx): nothing to say here.
  if (state.status !== 'ok' || state.data.kind === 'created') return <div aria-live="polite" />
  const r = state.data
  if (r.kind === 'station-not-ready') {
    const text =
      r.reason === 'dms'
        ? t('errors.station-dms', { message: r.message ?? '' })
        : t(`errors.${r.reason}` as 'errors.no-station')
    return (
      <p
        data-testid="charge-error"
        aria-live="assertive"
        className="rounded-lg bg-red-50 p-3 text-status-failed"
      >
        {text}
      </p>
    )
  }
  const amount = formatFen(r.amountFen, locale)
  if (r.kind === 'already-paid') {
    return (
      <div
        data-testid="bill-already-paid"
        aria-live="assertive"
        className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-green-50 p-4 text-lg text-green-900 ring-1 ring-green-200"
      >
        <p className="font-medium">
          {t('alreadyPaid', { bill: r.bzOrder, time: paidTime(r.paidAt, locale), amount })}
        </p>
        <Link
          href={`/charge/${r.chargeId}`}
          data-testid="view-paid-charge"
          ref={focusOnMount}
          className="rounded-lg bg-status-paid px-4 py-2 font-semibold whitespace-nowrap text-white"
        >
          {t('viewPaid')}
        </Link>
      </div>
    )
  }
  if (r.kind === 'open-exists') {
    return (
      <div
        data-testid="charge-open-exists"
        aria-live="assertive"
        className="rounded-lg bg-amber-50 p-4 text-amber-900"
      >
        <p>{t('openExists', { bill: r.bzOrder, amount })}</p>
        <Link
          href={`/charge/${r.chargeId}`}
          data-testid="resume-charge"
          ref={focusOnMount}
          className="mt-3 inline-block rounded-lg bg-amber-600 px-4 py-2 font-semibold text-white"
        >
          {t('resume')}
        </Link>
      </div>
    )
  }
  return (
    <div
      data-testid="charge-error"
      aria-live="assertive"
      className="rounded-lg bg-red-50 p-4 text-status-failed"
    >
      <p>{t('amountMismatch', { bill: r.bzOrder, amount })}</p>
      <div className="mt-3 flex gap-3">
        <Link
          href={`/charge/${r.chargeId}`}
          className="rounded-lg border border-red-300 px-4 py-2 font-medium"
        >
          {t('viewOpen')}
        </Link>
        <CancelOpenButton chargeId={r.chargeId} />
      </div>
    </div>
  )
}

/** Beijing time; the date too when it was not today. */
function paidTime(at: number, locale: string): string {
  const zone = { timeZone: 'Asia/Shanghai' } as const
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', zone).format(ms)
  const sameDay = day(at) === day(Date.now())
  return new Intl.DateTimeFormat(locale, {
    ...zone,
    ...(sameDay ? {} : { month: 'numeric', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at)
}
