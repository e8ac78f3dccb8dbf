'use client'

import { useTranslations } from 'next-intl'
import Link from 'next/link'
import type { ChargeView } from '@/lib/charges/view'
import { fenToYuanText } from '@/lib/money-text'
import { buttonClass } from '@/components/ui/button'
import { focusOnMount } from './focus-on-mount'
import { PrintReceiptButton } from './print-receipt-button'
import type { ReceiptActions } from './screen-actions'

const FOCUS =
  'whitespace-nowrap focus-visible:ring-4 focus-visible:ring-accent/40 focus-visible:outline-none'

/**
 * What to do once the charge has ended: try the same bill again (first after a failure, since the
 * customer is usually still at the counter), a new charge, today's list, the receipt of a paid one.
 * A part of its own (screen-parts.tsx): an open charge's screen does not need it.
 */
export function ChargeNextSteps({
  charge,
  autoPrint,
  receipt,
}: {
  charge: ChargeView
  /** Print the receipt by itself (the station does, and this screen saw the payment arrive). */
  autoPrint: boolean
  receipt: ReceiptActions
}) {
  const t = useTranslations('charge')
  const again = `/charge/new?${new URLSearchParams({ bz_order: charge.bzOrder, amount: fenToYuanText(charge.amountFen), pay_way: charge.payWay })}`
  const retryFirst = charge.status === 'failed' || charge.status === 'closed'
  const primary = `${buttonClass('primary', 'lg')} ${FOCUS}`
  const secondary = `${buttonClass('secondary', 'lg')} ${FOCUS}`
  // On a phone one column, each button the column's width (each its own width was a ragged edge).
  // The receipt's row (button and paper) comes last: one row with the links where all fit, else a
  // row of its own under them. Between them, in a column too narrow for all (1024 px), it pushed
  // 今日收款 onto a third row, and the three rows were three widths.
  return (
    <div className="flex flex-wrap gap-3 max-sm:flex-col">
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
      <Link href="/charge/today" className={`${buttonClass('ghost', 'lg')} ${FOCUS}`}>
        {t('backToToday')}
      </Link>
      {/* Mounted whatever the status: a print refused because the charge was refunded meanwhile
          says so where the button was (print-receipt-button.tsx). */}
      <PrintReceiptButton
        chargeId={charge.id}
        paid={charge.status === 'paid'}
        actions={receipt}
        auto={autoPrint}
      />
    </div>
  )
}
