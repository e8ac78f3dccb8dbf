'use client'

import { useCallback } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import Link from 'next/link'
import { isOpen } from '@/lib/charges/status'
import type { ChargeView } from '@/lib/charges/view'
import { fenToYuanText, formatFen } from '@/lib/money'
import { CustomerScreenStatus } from '@/components/display/customer-screen-status'
import { ChargeActions } from './charge-actions'
import { ChargeOutcome } from './charge-outcome'
import { ChargeQr } from './charge-qr'
import { formatSeconds, useCountdown } from './countdown'
import { PaidAnnouncer, useSpeakSetting } from './paid-announcer'
import { PayWayMark } from './pay-way-mark'
import { StatusBadge } from './status-badge'
import { useCharge } from './use-charge'

export function ChargeScreen({
  initial,
  speakByDefault,
}: {
  initial: ChargeView
  speakByDefault: boolean
}) {
  const t = useTranslations('charge')
  const tWay = useTranslations('payWay')
  const locale = useLocale()
  const { data, mutate } = useCharge(initial)
  const charge = data ?? initial
  const onChange = useCallback((v: ChargeView) => void mutate(v, { revalidate: false }), [mutate])
  const [speak, setSpeak] = useSpeakSetting(speakByDefault)
  const seconds = useCountdown(charge.expiresAt, charge.serverNow)
  const open = isOpen(charge.status)
  const amount = formatFen(charge.amountFen, locale)
  const again = `/charge/new?${new URLSearchParams({ bz_order: charge.bzOrder, amount: fenToYuanText(charge.amountFen), pay_way: charge.payWay })}`

  return (
    <div className="grid gap-8 lg:grid-cols-[auto_minmax(0,1fr)]">
      {/* The bill and amount are shown below in large type; the page's heading names them for screen readers. */}
      <h1 className="sr-only">{t('title', { bill: charge.bzOrder })}</h1>
      <PaidAnnouncer
        paid={charge.status === 'paid'}
        speak={speak}
        lang={locale}
        line={t('speakLine', { way: tWay(charge.payWay), amount: fenToYuanText(charge.amountFen) })}
      />
      <section className="flex min-h-[30rem] items-center justify-center rounded-2xl bg-white p-8 shadow-sm ring-1 ring-gray-200 lg:w-[30rem]">
        {open && charge.payInfo ? (
          <div className="flex flex-col items-center gap-4">
            <ChargeQr value={charge.payInfo} size={360} testId="charge-qr" />
            <p className="flex items-center gap-2 text-lg font-medium">
              <PayWayMark payWay={charge.payWay} />
              {t(`scanWith.${charge.payWay}`)}
            </p>
          </div>
        ) : open && charge.status !== 'unknown' ? (
          <div className="flex flex-col items-center gap-4 text-gray-600" aria-live="polite">
            <span
              className="h-12 w-12 animate-spin rounded-full border-4 border-gray-200 border-t-accent"
              aria-hidden
            />
            <p className="text-lg">
              {charge.cancelRequested ? t('cancelPending') : t('creatingTitle')}
            </p>
          </div>
        ) : (
          <div className="w-full">
            <ChargeOutcome charge={charge} />
          </div>
        )}
      </section>

      <section className="space-y-6">
        <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
          <div className="flex items-center justify-between">
            <span data-testid="charge-status" data-status={charge.status} aria-live="polite">
              <StatusBadge status={charge.status} />
            </span>
            {open ? (
              <span className="text-lg text-gray-600 tabular" data-testid="charge-countdown">
                {t('countdown')} {seconds > 0 ? formatSeconds(seconds) : t('expired')}
              </span>
            ) : null}
          </div>
          <p className="mt-6 text-sm text-gray-500">{t('amount')}</p>
          <p className="text-6xl font-bold tabular" data-testid="charge-amount">
            {amount}
          </p>
          <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-lg">
            <dt className="text-gray-500">{t('bill')}</dt>
            <dd className="font-medium break-all" data-testid="charge-bill">
              {charge.bzOrder}
            </dd>
            <dt className="text-gray-500">{t('payWay')}</dt>
            <dd className="flex items-center gap-2 font-medium">
              <PayWayMark payWay={charge.payWay} size={22} /> {tWay(charge.payWay)}
            </dd>
          </dl>
        </div>

        {open ? <CustomerScreenStatus stationId={charge.stationId} /> : null}
        {open ? (
          <ChargeActions charge={charge} onChange={onChange} />
        ) : (
          <div className="flex flex-wrap gap-3">
            <Link
              href="/charge/new"
              data-testid="charge-new"
              className="rounded-xl bg-accent px-6 py-4 text-lg font-semibold text-white hover:bg-accent-strong"
            >
              {t('newCharge')}
            </Link>
            {charge.status === 'failed' || charge.status === 'closed' ? (
              <Link
                href={again}
                data-testid="charge-retry"
                className="rounded-xl border-2 border-gray-200 bg-white px-6 py-4 text-lg font-medium hover:bg-gray-50"
              >
                {t('retry')}
              </Link>
            ) : null}
            <Link
              href="/charge/today"
              className="rounded-xl px-6 py-4 text-lg text-gray-600 hover:bg-gray-100"
            >
              {t('backToToday')}
            </Link>
          </div>
        )}

        <label className="flex items-center gap-3 text-gray-600">
          <input
            type="checkbox"
            checked={speak}
            onChange={(e) => setSpeak(e.target.checked)}
            className="h-5 w-5"
          />
          {t('speak')}
        </label>
      </section>
    </div>
  )
}
