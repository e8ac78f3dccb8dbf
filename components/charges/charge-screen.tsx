'use client'

import { useCallback, useState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import Link from 'next/link'
import { isOpen } from '@/lib/charges/status'
import type { ChargeView } from '@/lib/charges/view'
import { fenToYuanText, formatFen } from '@/lib/money'
import { CustomerScreenStatus } from '@/components/display/customer-screen-status'
import { ConnectionMark } from '@/components/live/connection-mark'
import { ChargeActions } from './charge-actions'
import { chargeLook } from './charge-look'
import { ChargeStage } from './charge-stage'
import { useServerOffset } from './countdown'
import { focusOnMount } from './focus-on-mount'
import { PaidAnnouncer, useSpeakSetting } from './paid-announcer'
import { PayWayMark } from './pay-way-mark'
import { PrintReceiptButton } from './print-receipt-button'
import type { ChargeScreenActions } from './screen-actions'
import { StatusBadge } from './status-badge'
import { useCharge } from './use-charge'
import { buttonClass } from '@/components/ui/button'
import { cardClass } from '@/components/ui/card'

export function ChargeScreen({
  initial,
  speakByDefault,
  autoPrint,
  actions,
}: {
  initial: ChargeView
  speakByDefault: boolean
  /** The station prints a paid charge's receipt by itself. */
  autoPrint: boolean
  actions: ChargeScreenActions
}) {
  const t = useTranslations('charge')
  const tWay = useTranslations('payWay')
  const locale = useLocale()
  const { data, mutate, connection } = useCharge(initial)
  const charge = data ?? initial
  const onChange = useCallback((v: ChargeView) => void mutate(v, { revalidate: false }), [mutate])
  const [speak, setSpeak] = useSpeakSetting(speakByDefault)
  // Only a payment this screen saw arrive prints by itself: opening an old paid charge does not.
  const [sawOpen] = useState(() => isOpen(initial.status))
  // Taken once: the countdown ticks in its own line, not by re-drawing this whole screen.
  const offset = useServerOffset(initial.serverNow)
  const look = chargeLook(charge)
  const open = isOpen(charge.status)
  const amount = formatFen(charge.amountFen, locale)
  const again = `/charge/new?${new URLSearchParams({ bz_order: charge.bzOrder, amount: fenToYuanText(charge.amountFen), pay_way: charge.payWay })}`
  // The customer is usually still at the counter after a failure: trying the same bill again comes first.
  const retryFirst = charge.status === 'failed' || charge.status === 'closed'
  const focus =
    'whitespace-nowrap focus-visible:ring-4 focus-visible:ring-accent/40 focus-visible:outline-none'
  const primary = `${buttonClass('primary', 'lg')} ${focus}`
  const secondary = `${buttonClass('secondary', 'lg')} ${focus}`

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,30rem)_minmax(0,1fr)] lg:gap-8">
      {/* The bill and amount are shown below in large type; the page's heading names them for screen readers. */}
      <h1 className="sr-only">{t('title', { bill: charge.bzOrder })}</h1>
      <PaidAnnouncer
        paid={charge.status === 'paid'}
        speak={speak}
        lang={locale}
        line={t('speakLine', { way: tWay(charge.payWay), amount: fenToYuanText(charge.amountFen) })}
      />
      <section
        className={`${cardClass({ pad: 'none' })} flex min-h-[22rem] items-center justify-center p-4 sm:p-8 lg:min-h-[30rem]`}
      >
        <ChargeStage
          charge={charge}
          look={look}
          offset={offset}
          offline={open && connection === 'offline'}
        />
      </section>

      <section className="min-w-0 space-y-6">
        {open ? <ConnectionMark connection={connection} /> : null}
        <div className={cardClass()}>
          <span data-testid="charge-status" data-status={charge.status} aria-live="polite">
            <StatusBadge
              status={charge.status}
              large
              label={look === 'ended' ? undefined : t(`look.${look}`)}
            />
          </span>
          <p className="mt-6 text-sm text-gray-500">{t('amount')}</p>
          <p className="text-5xl font-bold tabular sm:text-6xl" data-testid="charge-amount">
            {amount}
          </p>
          <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-lg">
            <dt className="whitespace-nowrap text-gray-500">{t('bill')}</dt>
            <dd className="font-medium break-all" data-testid="charge-bill">
              {charge.bzOrder}
            </dd>
            <dt className="whitespace-nowrap text-gray-500">{t('payWay')}</dt>
            <dd className="flex items-center gap-2 font-medium">
              <PayWayMark payWay={charge.payWay} size={22} /> {tWay(charge.payWay)}
            </dd>
          </dl>
        </div>

        {open ? <CustomerScreenStatus stationId={charge.stationId} /> : null}
        {open ? (
          <ChargeActions charge={charge} actions={actions} onChange={onChange} />
        ) : (
          <div className="flex flex-wrap gap-3">
            {retryFirst ? (
              <Link href={again} data-testid="charge-retry" className={primary} ref={focusOnMount}>
                {t('retry')}
              </Link>
            ) : null}
            <Link
              href="/charge/new"
              data-testid="charge-new"
              className={retryFirst ? secondary : primary}
              ref={retryFirst ? undefined : focusOnMount}
            >
              {t('newCharge')}
            </Link>
            {charge.status === 'paid' ? (
              <PrintReceiptButton
                chargeId={charge.id}
                actions={actions.receipt}
                auto={autoPrint && sawOpen}
              />
            ) : null}
            <Link
              href="/charge/today"
              className="inline-flex min-h-14 items-center rounded-xl px-6 text-lg whitespace-nowrap text-gray-600 hover:bg-gray-100"
            >
              {t('backToToday')}
            </Link>
          </div>
        )}

        <label className="flex min-h-11 items-center gap-3 text-gray-600">
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
