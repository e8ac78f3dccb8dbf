'use client'

import { useTranslations } from 'next-intl'
import type { ChargeView } from '@/lib/charges/view'
import type { PayWay } from '@/lib/dms/types'
import type { ChargeLook } from './charge-look'
import { ChargeOutcome } from './charge-outcome'
import { ChargeQr } from './charge-qr'
import { Countdown } from './countdown'
import { PayWayMark } from './pay-way-mark'

/**
 * The big left panel: what the cashier reads from across the counter. One look per situation —
 * the QR bright with its countdown, dimmed while the customer confirms, gone with the countdown
 * stopped while cancelling, while switching (the old QR closing) or while the outcome is checked —
 * and a full panel once it has ended.
 * A part of the charge screen's (screen-parts.tsx), given plain values while the charge is open so
 * that a view which changes nothing it shows leaves it alone.
 */
export function ChargeStage({
  look,
  payWay,
  payInfo,
  expiresAt,
  offset,
  offline,
  outcome,
}: {
  look: ChargeLook
  /** The QR's pay way; while switching, the pay way being switched to. */
  payWay: PayWay
  /** The QR's content, while the customer can pay it. */
  payInfo: string | null
  expiresAt: number
  /** The server's clock minus this device's, which the countdown reads the deadline on. */
  offset: number
  /** No word from the server: the countdown stops, since the state it counts down may be over. */
  offline: boolean
  /** The charge, when its look is its outcome (ended, or being checked): drawn whole. */
  outcome: ChargeView | null
}) {
  const t = useTranslations('charge')
  const tConnection = useTranslations('connection')
  const tWay = useTranslations('payWay')
  if (outcome) {
    return (
      <div data-testid="charge-stage" data-look={look} className="w-full">
        <ChargeOutcome charge={outcome} />
      </div>
    )
  }
  if ((look === 'waiting' || look === 'confirming') && payInfo) {
    const confirming = look === 'confirming'
    return (
      <div
        data-testid="charge-stage"
        data-look={look}
        className="flex w-full flex-col items-center gap-4"
      >
        <div className="relative w-full max-w-[24rem]">
          <div className={confirming ? 'opacity-15 grayscale' : undefined}>
            <ChargeQr value={payInfo} testId="charge-qr" />
          </div>
          {confirming ? (
            <p className="absolute inset-0 flex items-center justify-center text-center text-4xl font-bold text-status-waiting">
              {t('look.confirming')}
            </p>
          ) : null}
        </div>
        {confirming ? (
          <p className="text-center text-lg text-gray-700">{t('confirmingHint')}</p>
        ) : (
          <p className="flex items-center gap-2 text-center text-lg font-medium">
            <PayWayMark payWay={payWay} />
            {t(`scanWith.${payWay}`)}
          </p>
        )}
        {offline ? (
          <p
            className="text-3xl font-semibold text-amber-800"
            data-testid="charge-countdown"
            data-stopped="offline"
          >
            {tConnection('countdownStopped')}
          </p>
        ) : (
          <Countdown
            deadline={expiresAt}
            offset={offset}
            running={(time) => `${t('countdown')} ${time}`}
            expired={`${t('countdown')} ${t('expired')}`}
            className="text-3xl font-semibold text-gray-800 tabular"
            testId="charge-countdown"
          />
        )}
      </div>
    )
  }
  // A switch's close is a cancel too, said as the switch: the old QR closing, the new one to come.
  const switching = look === 'switching'
  const cancelling = look === 'cancelling' || switching
  return (
    <div
      data-testid="charge-stage"
      data-look={look}
      className="flex flex-col items-center gap-5 text-center"
      aria-live="polite"
    >
      <span
        className={`h-14 w-14 animate-spin rounded-full border-4 ${look === 'cancelling' ? 'border-gray-300 border-t-status-closed' : 'border-gray-200 border-t-accent'}`}
        aria-hidden
      />
      <p className="text-4xl font-bold text-balance text-gray-800">
        {switching
          ? t('switching', { way: tWay(payWay) })
          : cancelling
            ? t('cancellingTitle')
            : t('creatingTitle')}
      </p>
      {cancelling ? (
        <>
          <p className="text-lg text-gray-700">
            {t(switching ? 'switchPending' : 'cancelPending')}
          </p>
          <p className="text-base text-gray-500" data-testid="charge-countdown-stopped">
            {t('countdownStopped')}
          </p>
        </>
      ) : null}
    </div>
  )
}
