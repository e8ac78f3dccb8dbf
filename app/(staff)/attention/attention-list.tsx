import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { PayWayMark } from '@/components/charges/pay-way-mark'
import { StatusBadge } from '@/components/charges/status-badge'
import { Card } from '@/components/ui/card'
import type { AttentionRow } from '@/lib/charges/queries/attention'
import { isTerminal } from '@/lib/charges/status'
import { formatFen } from '@/lib/money'
import { RecheckButton } from '../charges/[id]/recheck-button'
import { ReviewButton } from './attention-buttons'
import { ATTENTION_TAG } from '@/components/manager/attention-tag'

/** The needs-attention list: why each charge is here, and the one action that moves it on. */
export async function AttentionList({
  rows,
  canRecheck,
}: {
  rows: AttentionRow[]
  canRecheck: boolean
}) {
  const [t, format, locale] = await Promise.all([
    getTranslations('manager.attention'),
    getFormatter(),
    getLocale(),
  ])
  if (rows.length === 0) {
    return (
      <Card
        as="p"
        pad="lg"
        flat
        className="text-center text-gray-500"
        data-testid="attention-empty"
      >
        {t('empty')}
      </Card>
    )
  }
  return (
    <Card as="ul" pad="none" className="divide-y divide-gray-100 overflow-hidden">
      {rows.map((r) => (
        <li
          key={r.id}
          data-testid="attention-row"
          data-charge-id={r.id}
          data-reasons={r.reasons.join(' ')}
          className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3"
        >
          <PayWayMark payWay={r.payWay} size={24} />
          <div className="min-w-0 flex-1 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <Link
                href={`/charges/${r.id}`}
                className="inline-flex min-h-11 items-center font-medium break-all text-accent hover:underline"
              >
                {r.bzOrder}
              </Link>
              <span className="font-semibold tabular">{formatFen(r.amountFen, locale)}</span>
              <StatusBadge status={r.status} />
            </div>
            <div className="flex flex-wrap items-center gap-2 text-sm text-gray-500">
              <span className="tabular">{format.dateTime(r.createdAt, 'dayMinute')}</span>
              <span>{[r.stationName, r.cashierName].filter(Boolean).join(' · ')}</span>
              {r.reasons.map((reason) => (
                <span key={reason} className={ATTENTION_TAG}>
                  {t(`reasons.${reason}`)}
                </span>
              ))}
            </div>
          </div>
          {/* On a phone the button has a line of its own under the text, which keeps the row's
              width: beside it the text had 120 px and the bill number broke in two (WX202612|05-0007). */}
          <div className="empty:hidden max-sm:basis-full max-sm:pl-10 max-sm:[&>form]:items-start">
            {canRecheck ? (
              isTerminal(r.status) ? (
                r.reasons.includes('paid-after-cancel') || r.reasons.includes('settle-disputed') ? (
                  <ReviewButton chargeId={r.id} />
                ) : null
              ) : (
                <RecheckButton chargeId={r.id} compact />
              )
            ) : null}
          </div>
        </li>
      ))}
    </Card>
  )
}
