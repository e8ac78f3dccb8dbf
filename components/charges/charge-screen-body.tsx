'use client'

import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { isOpen } from '@/lib/charges/status'
import type { ChargeView } from '@/lib/charges/view'
import type { PayWay } from '@/lib/dms/types'
import { fenToYuanText, formatFen } from '@/lib/money-text'
import { ConnectionMark } from '@/components/live/connection-mark'
import type { Connection } from '@/components/live/use-live-view'
import { cardClass } from '@/components/ui/card-class'
import { FormMessage } from '@/components/ui/field'
import { BillNumber } from './bill-number'
import { ChargeActions } from './charge-actions'
import { chargeLook, outcomeShowsAmount } from './charge-look'
import type { ChargeScreenActions, FormAction } from './screen-actions'
import { MarkPart } from './pay-way-mark-later'
import { AnnouncerPart, NextStepsPart, StagePart, StatusPart } from './screen-parts'

/*
 * Charges whose switch was refused because they had already ended. The refusal re-renders the page
 * into the ended screen (a new screen, when it came from the new-charge form), which takes the
 * switch and its answer away: kept here, outside any screen, for the ended screen to say.
 */
const switchesEnded = new Set<string>()

/**
 * The charge screen as drawn from what its live part (charge-screen.tsx) holds: the stage on the
 * left (QR, countdown, or the outcome), the status, amount and bill on the right, then what the
 * cashier can do. Once the outcome panel shows the amount, the right side leaves it out: a phone
 * stacks the two, and the same figure twice reads as two charges. Likewise the status: once ended,
 * the panel's title says it, and the badge (under another word: 付款未成功 beside 付款失败) stays
 * only for screen readers and the `charge-status` hook. On a phone the ended screen is compact, so
 * every next step is on screen without scrolling. Draws only; the parts not needed at first come
 * later (screen-parts.tsx).
 */
export function ChargeScreenBody({
  charge,
  connection,
  offset,
  customerScreen,
  speakByDefault,
  autoPrint,
  actions,
  onChange,
  complete = true,
  cancelAsked,
}: {
  charge: ChargeView
  connection: Connection
  /** The server's clock minus this device's, which the countdown reads the deadline on. */
  offset: number
  /** The customer screen's line, while the charge is open. */
  customerScreen: ReactNode
  speakByDefault: boolean
  /** A paid charge's receipt prints by itself (the station does, and this screen saw it paid). */
  autoPrint: boolean
  actions: ChargeScreenActions
  onChange: (v: ChargeView) => void
  /** False for the first draw of a screen that shows its QR first (charge-screen.tsx). */
  complete?: boolean
  /** Esc was pressed while the screen was not yet complete: 取消收款 comes with its confirm open. */
  cancelAsked?: boolean
}) {
  const t = useTranslations('charge')
  const tWay = useTranslations('payWay')
  const tStatus = useTranslations('status')
  const locale = useLocale()
  // A switch under way, for the charge it was pressed on (the next one is another charge).
  const [switching, setSwitching] = useState<{ id: string; to: PayWay } | null>(null)
  const onSwitching = useCallback(
    (to: PayWay | null) => setSwitching(to ? { id: charge.id, to } : null),
    [charge.id],
  )
  const switchingTo = switching?.id === charge.id ? switching.to : null
  // A switch refused because the charge had already ended (the screen missed it): said above
  // 重新收款, or the press seemed to close the charge without a word (switchesEnded).
  const sendSwitch = actions.switchPayWay
  const switchPayWay = useCallback<FormAction<ChargeView>>(
    async (prev, form) => {
      const state = await sendSwitch(prev, form)
      if (state.status === 'error' && state.error === 'ended')
        switchesEnded.add(String(form.get('charge_id')))
      return state
    },
    [sendSwitch],
  )
  const screenActions = useMemo(() => ({ ...actions, switchPayWay }), [actions, switchPayWay])
  const look = chargeLook(charge, switchingTo !== null)
  const open = isOpen(charge.status)
  const ended = look === 'ended'
  const amountInOutcome = outcomeShowsAmount(charge.status)

  return (
    <div className="grid gap-4 sm:gap-6 lg:grid-cols-[minmax(0,30rem)_minmax(0,1fr)] lg:gap-8">
      {/* The bill and amount are shown below in large type; the page's heading names them for screen readers. */}
      <h1 className="sr-only">{t('title', { bill: charge.bzOrder })}</h1>
      {/* Its own height, not the row's: the QR never moves for what the other column draws. */}
      <section
        className={`${cardClass({ pad: 'none' })} ${ended ? 'p-3' : 'min-h-[22rem] p-4'} flex items-center justify-center sm:min-h-[22rem] sm:p-8 lg:min-h-[30rem] lg:self-start`}
      >
        <StagePart
          look={look}
          payWay={look === 'switching' && switchingTo ? switchingTo : charge.payWay}
          payInfo={charge.payInfo}
          expiresAt={charge.expiresAt}
          offset={offset}
          offline={open && connection === 'offline'}
          outcome={look === 'ended' || look === 'unknown' ? charge : null}
        />
      </section>

      <section className="min-w-0 space-y-4 sm:space-y-6">
        {open ? <ConnectionMark connection={connection} /> : null}
        <div className={cardClass()}>
          <span
            data-testid="charge-status"
            data-status={charge.status}
            aria-live="polite"
            className={ended ? 'sr-only' : undefined}
          >
            <StatusPart
              status={charge.status}
              label={
                look === 'ended'
                  ? tStatus(charge.status)
                  : look === 'switching' && switchingTo
                    ? t('switching', { way: tWay(switchingTo) })
                    : t(`look.${look}`)
              }
            />
          </span>
          {amountInOutcome ? null : (
            <>
              <p className={`${ended ? '' : 'mt-6'} text-sm text-gray-500`}>{t('amount')}</p>
              <p className="text-5xl font-bold tabular sm:text-6xl" data-testid="charge-amount">
                {formatFen(charge.amountFen, locale)}
              </p>
            </>
          )}
          <dl
            className={`${ended && amountInOutcome ? '' : 'mt-6'} grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-lg`}
          >
            <dt className="whitespace-nowrap text-gray-500">{t('bill')}</dt>
            <dd className="min-w-0 font-medium" data-testid="charge-bill">
              <BillNumber value={charge.bzOrder} />
            </dd>
            <dt className="whitespace-nowrap text-gray-500">{t('payWay')}</dt>
            <dd className="flex items-center gap-2 font-medium">
              <MarkPart payWay={charge.payWay} size={22} /> {tWay(charge.payWay)}
            </dd>
          </dl>
        </div>

        {complete ? (
          <>
            {open ? customerScreen : null}
            {open ? (
              <ChargeActions
                charge={charge}
                actions={screenActions}
                onChange={onChange}
                switchingTo={switchingTo}
                onSwitching={onSwitching}
                cancelAsked={cancelAsked}
              />
            ) : (
              <>
                <FormMessage
                  inGroup
                  tone="warning"
                  testId="charge-action-error"
                  text={
                    switchesEnded.has(charge.id)
                      ? t('switchEnded', { status: tStatus(charge.status) })
                      : null
                  }
                />
                <NextStepsPart charge={charge} autoPrint={autoPrint} receipt={actions.receipt} />
              </>
            )}
            <AnnouncerPart
              paid={charge.status === 'paid'}
              line={t('speakLine', {
                way: tWay(charge.payWay),
                amount: fenToYuanText(charge.amountFen),
              })}
              lang={locale}
              speakByDefault={speakByDefault}
            />
          </>
        ) : null}
      </section>
    </div>
  )
}
