'use client'

import { useLocale, useTranslations } from 'next-intl'
import { Card } from '@/components/ui/card'
import type { PayWay } from '@/lib/dms/types'
import { formatFen } from '@/lib/money'
import { BillNumber } from './bill-number'
import { PayWayMark } from './pay-way-mark'
import { StatusBadge } from './status-badge'

/**
 * What the cashier sees the moment 生成收款码 is pressed, while the charge is created: the charge
 * screen's own layout (charge-screen.tsx) with the amount and bill as typed and a placeholder where
 * the QR will be, of the QR's size, so nothing moves when the real screen replaces it. The form is
 * gone meanwhile, so a second click has nothing to press.
 */
export function ChargePreview({
  bzOrder,
  amountFen,
  payWay,
}: {
  bzOrder: string
  amountFen: number
  payWay: PayWay
}) {
  const t = useTranslations('charge')
  const tNew = useTranslations('newCharge')
  const tWay = useTranslations('payWay')
  const locale = useLocale()
  return (
    <div
      data-testid="charge-preview"
      aria-busy
      className="grid gap-6 lg:grid-cols-[minmax(0,30rem)_minmax(0,1fr)] lg:gap-8"
    >
      <Card
        as="section"
        pad="sm"
        className="flex min-h-[22rem] items-center justify-center sm:p-8 lg:min-h-[30rem] lg:self-start"
      >
        <div className="flex w-full flex-col items-center gap-4">
          <div className="relative w-full max-w-[24rem]">
            <div
              data-testid="qr-placeholder"
              className="flex aspect-square w-full items-center justify-center rounded-2xl bg-gray-100"
            >
              <span
                className="h-14 w-14 animate-spin rounded-full border-4 border-gray-200 border-t-accent"
                aria-hidden
              />
            </div>
          </div>
          <p className="flex items-center gap-2 text-center text-lg font-medium" aria-live="polite">
            <PayWayMark payWay={payWay} />
            {tNew('submitting')}
          </p>
          {/* The countdown's line, kept empty: the panel is already its final height. */}
          <p className="text-3xl font-semibold" aria-hidden>
            &nbsp;
          </p>
        </div>
      </Card>
      <section className="min-w-0 space-y-6">
        {/* Where the screen's connection mark sits (out of sight while connected): same spacing. */}
        <div className="sr-only" />
        <Card>
          <StatusBadge status="creating" large label={t('look.creating')} />
          <p className="mt-6 text-sm text-gray-500">{t('amount')}</p>
          <p className="text-5xl font-bold tabular sm:text-6xl" data-testid="charge-preview-amount">
            {formatFen(amountFen, locale)}
          </p>
          <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-lg">
            <dt className="whitespace-nowrap text-gray-500">{t('bill')}</dt>
            <dd className="min-w-0 font-medium" data-testid="charge-preview-bill">
              <BillNumber value={bzOrder} />
            </dd>
            <dt className="whitespace-nowrap text-gray-500">{t('payWay')}</dt>
            <dd className="flex items-center gap-2 font-medium">
              <PayWayMark payWay={payWay} size={22} /> {tWay(payWay)}
            </dd>
          </dl>
        </Card>
      </section>
    </div>
  )
}
