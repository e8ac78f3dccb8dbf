import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { BillNumber } from '@/components/charges/bill-number'
import { PayWayMark } from '@/components/charges/pay-way-mark'
import { Card } from '@/components/ui/card'
import { failureWords, storedFailure } from '@/lib/charges/failure'
import { REVIEWED_EVENT } from '@/lib/charges/queries/attention'
import type { ChargeDetail } from '@/lib/charges/queries/detail'
import { closeReason } from '@/lib/charges/view'
import { formatFen } from '@/lib/money'
import { DmsWords } from './dms-words'

/** Everything stored about one charge. DMS ids are shown as the strings they are stored as. */
export async function ChargeSummary({ detail }: { detail: ChargeDetail }) {
  const [t, tFailure, tCharge, tWay, format, locale] = await Promise.all([
    getTranslations('manager.detail'),
    getTranslations('manager.failure'),
    getTranslations('charge'),
    getTranslations('payWay'),
    getFormatter(),
    getLocale(),
  ])
  const { charge } = detail
  const handled = detail.events.filter((e) => e.type === REVIEWED_EVENT).at(-1)
  const when = (at: number | null) => (at === null ? '—' : format.dateTime(at, 'stamp'))
  // The dash outside the code face, where it read as a shorter one than the times' dash.
  const id = (value: string | null, key: string) =>
    value === null ? (
      '—'
    ) : (
      <code key={key} className="select-all">
        {value}
      </code>
    )
  const rows: Array<[string, React.ReactNode, string?]> = [
    [t('bill'), <BillNumber key="bill" value={charge.bzOrder} />, 'detail-bill'],
    [
      t('payWay'),
      <span key="w" className="flex items-center gap-2">
        <PayWayMark payWay={charge.payWay} size={22} /> {tWay(charge.payWay)}
      </span>,
    ],
    [t('station'), detail.stationName ?? t('deleted')],
    [t('cashier'), detail.cashierName ?? t('deleted')],
    [t('createdAt'), when(charge.createdAt)],
    [t('expiresAt'), when(charge.expiresAt)],
    [t('paidAt'), when(charge.paidAt)],
    [t('bizOrderNo'), id(charge.bizOrderNo, 'b'), 'detail-biz-order-no'],
    [t('orderNo'), id(charge.orderNo, 'o'), 'detail-order-no'],
    [
      t('chargeId'),
      <code key="i" className="select-all text-sm">
        {charge.id}
      </code>,
    ],
  ]
  // Why it closed, in the charge screen's words: an expired QR as its title says it.
  const closed = closeReason(charge)
  if (closed) {
    rows.push([
      t('closeReason'),
      closed === 'cancelled'
        ? tCharge('closedBy', { who: charge.cancelRequestedBy ?? '' })
        : closed === 'timeout'
          ? tCharge('expiredTitle')
          : tCharge(`closeReason.${closed}`),
      'detail-close-reason',
    ])
  }
  // A payment the network failed is said as that, not as a DMS code (it read "DMS 返回 代码 3000：
  // 用户余额不足"); a refusal names DMS and its code. The rule and words are the exports' too.
  const failure = storedFailure(charge)
  if (failure?.kind === 'note') {
    rows.push([t('error'), <DmsWords key="e" message={failure.message} />, 'detail-error'])
  } else if (failure) {
    // DMS's words kept whole on a line of their own where they fit (用户余/额不足 broke on a phone).
    const { key, values } = failureWords(failure)
    const dms = (chunks: React.ReactNode) => (
      <span className="inline-block max-w-full">{chunks}</span>
    )
    rows.push([t('reason'), tFailure.rich(key, { ...values, dms }), 'detail-error'])
  }
  return (
    <Card as="section">
      <p className="text-sm text-gray-500">{t('amount')}</p>
      <p
        className="text-5xl font-bold tabular"
        data-testid="detail-amount"
        data-amount-fen={charge.amountFen}
      >
        {formatFen(charge.amountFen, locale)}
      </p>
      {/* Until a manager marks it handled (on Needs attention), what to do and where to say it is
          done; after, who did and when (it kept saying "check with the customer" once handled).
          Amber as on the charge screen and the attention tags: the money is in, not failed. */}
      {charge.paidAfterCancel ? (
        handled ? (
          <p
            className="mt-4 rounded-lg bg-gray-50 p-3 text-gray-700"
            data-testid="detail-paid-after-cancel"
            data-handled="true"
          >
            {t('paidAfterCancelHandled', {
              name: handled.actorName ?? '—',
              at: format.dateTime(handled.at, 'stamp'),
            })}
          </p>
        ) : (
          <div
            className="mt-4 rounded-lg bg-amber-100 px-3 pt-3 text-amber-900"
            data-testid="detail-paid-after-cancel"
            data-handled="false"
          >
            <p>{t('paidAfterCancel')}</p>
            <Link
              href="/attention"
              className="inline-flex min-h-11 items-center font-medium underline"
            >
              {t('paidAfterCancelWhere')} →
            </Link>
          </div>
        )
      ) : null}
      {/* Two columns from sm up; on a phone each label sits on its value, the pairs apart (evenly
          spaced, a value looked as much the next label's as its own). */}
      <dl className="mt-6 grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
        {rows.map(([label, value, testId]) => (
          <div key={label} className="sm:contents">
            <dt className="text-sm text-gray-500 sm:text-base">{label}</dt>
            <dd className="font-medium break-all tabular" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}
