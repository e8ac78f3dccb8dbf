'use client'

import { useFormatter, useLocale, useTranslations } from 'next-intl'
import Link from 'next/link'
import { refusalKind } from '@/lib/charges/refusal'
import type { ChargeView } from '@/lib/charges/view'
import { formatFen } from '@/lib/money'
import { buttonClass } from '@/components/ui/button'
import { OutcomeMark } from './outcome-mark'

// Compact on a phone, where the next steps must fit below it; balanced lines, so a sentence never
// ends on a lone character (余额不/足).
const PANEL =
  'flex flex-col items-center justify-center gap-3 rounded-2xl p-5 text-center text-balance sm:min-h-[20rem] sm:gap-4 sm:p-10'
const MARK = 'h-16 w-16 sm:h-28 sm:w-28'
const TITLE = 'text-3xl font-bold sm:text-4xl'

/**
 * The big, unmistakable panel of a charge that has ended (or whose result is being checked). Where
 * it shows the amount (`outcomeShowsAmount` in charge-look.ts) it carries the `charge-amount` hook,
 * since the screen's details card then leaves the amount out.
 */
export function ChargeOutcome({ charge }: { charge: ChargeView }) {
  const t = useTranslations('charge')
  const format = useFormatter()
  const locale = useLocale()
  const amount = formatFen(charge.amountFen, locale)
  switch (charge.status) {
    case 'paid':
      return (
        <div className={`${PANEL} bg-green-50 ring-2 ring-green-300`}>
          <OutcomeMark kind="paid" size={MARK} />
          <p className={`${TITLE} text-status-paid`}>{t('paidTitle')}</p>
          <p className="text-4xl font-bold tabular sm:text-5xl" data-testid="charge-amount">
            {amount}
          </p>
          {charge.paidAt ? (
            <p className="text-gray-600">
              {t('paidAt', { time: format.dateTime(charge.paidAt, 'timeMedium') })}
            </p>
          ) : null}
          {charge.paidAfterCancel ? (
            <p
              data-testid="paid-after-cancel"
              className="rounded-lg bg-amber-100 p-3 text-amber-900"
            >
              {t('paidAfterCancel')}
            </p>
          ) : null}
        </div>
      )
    case 'failed':
      return (
        <div className={`${PANEL} bg-red-50 ring-2 ring-red-200`}>
          <OutcomeMark kind="failed" size={MARK} />
          <p className={`${TITLE} text-status-failed`}>{t('failedTitle')}</p>
          <p className="text-3xl font-bold tabular" data-testid="charge-amount">
            {amount}
          </p>
          {/* Chinese lines break at the sentences' punctuation (支付平台未能生成收款码：| DMS's
              words), not inside a word (收款|码 on two lines); anywhere only if they must. */}
          {charge.error ? (
            <div data-testid="charge-error" className="space-y-2 text-lg break-keep wrap-anywhere">
              <p className="font-medium text-red-900">{charge.error.message}</p>
              <p className="text-red-800">{charge.error.action}</p>
              {charge.error.dmsCode ? (
                <p className="text-xs text-gray-600" data-testid="charge-dms-code">
                  {t('dmsCode', { code: charge.error.dmsCode })}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
      )
    case 'refused': {
      const kind = refusalKind(charge.error?.dmsCode) ?? 'setup'
      return (
        <div
          className={`${PANEL} bg-gray-50 ring-2 ring-gray-300`}
          data-testid="charge-refused"
          data-refusal={kind}
        >
          <OutcomeMark kind="closed" size={MARK} />
          <p className="text-3xl font-bold text-gray-900">{t(`refusedTitle.${kind}`)}</p>
          <p className="mt-3 text-lg text-gray-700">{t('refusedNote')}</p>
          {charge.error ? (
            <div data-testid="charge-error" className="mt-4 space-y-2 text-lg">
              <p className="font-medium text-gray-900">{charge.error.message}</p>
              <p className="text-gray-800">
                {kind === 'setup' ? t('refusedSetupAction') : charge.error.action}
              </p>
            </div>
          ) : null}
          {kind === 'already-paid' ? (
            <Link
              href={`/charge/paid?${new URLSearchParams({ bill: charge.bzOrder })}`}
              data-testid="view-paid-charge"
              className={`${buttonClass('primary', 'lg')} mt-5`}
            >
              {t('viewPaid')}
            </Link>
          ) : null}
          {charge.error?.dmsCode ? (
            <p className="mt-4 text-xs text-gray-600" data-testid="charge-dms-code">
              {t('dmsCode', { code: charge.error.dmsCode })}
            </p>
          ) : null}
        </div>
      )
    }
    case 'closed':
    case 'refunded':
      return (
        <div className={`${PANEL} bg-gray-100 ring-2 ring-gray-200`}>
          <OutcomeMark kind="closed" size={MARK} />
          <p className={`${TITLE} text-status-closed`}>
            {/* A QR the cashier's timeout closed says so; a cancel keeps 收款已关闭. */}
            {t(
              charge.status === 'refunded'
                ? 'refundedTitle'
                : charge.closeReason === 'timeout'
                  ? 'expiredTitle'
                  : 'closedTitle',
            )}
          </p>
          <p className="text-3xl font-bold text-gray-700 tabular" data-testid="charge-amount">
            {amount}
          </p>
          {charge.closeReason ? (
            <p data-testid="charge-close-reason" className="text-lg text-gray-700">
              {charge.closeReason === 'cancelled'
                ? t('closedBy', { who: charge.closedBy ?? '' })
                : t(`closeReason.${charge.closeReason}`)}
            </p>
          ) : null}
        </div>
      )
    case 'unknown':
      return (
        <div className={`${PANEL} bg-violet-50 ring-2 ring-violet-200`} data-testid="charge-error">
          <span
            className="h-16 w-16 animate-spin rounded-full border-[6px] border-violet-300 border-t-status-unknown"
            aria-hidden
          />
          <p className="text-3xl font-bold text-status-unknown">{t('unknownTitle')}</p>
          <p className="text-lg text-violet-900">{t('unknownBody')}</p>
        </div>
      )
    default:
      return null
  }
}
