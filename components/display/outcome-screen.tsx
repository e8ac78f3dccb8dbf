'use client'

import { useLocale, useTranslations } from 'next-intl'
import type { DisplayCharge } from '@/lib/display/view'
import { formatFen } from '@/lib/money'

const LOOK = {
  paid: { mark: '✓', circle: 'bg-status-paid', title: 'text-status-paid', page: 'bg-green-50' },
  failed: { mark: '✕', circle: 'bg-status-failed', title: 'text-status-failed', page: 'bg-red-50' },
  closed: { mark: '–', circle: 'bg-status-closed', title: 'text-status-closed', page: 'bg-gray-100' },
  refunded: {
    mark: '↩',
    circle: 'bg-status-closed',
    title: 'text-status-closed',
    page: 'bg-gray-100',
  },
} as const

type Ended = keyof typeof LOOK

export function isEnded(status: DisplayCharge['status']): status is Ended {
  return status in LOOK
}

/** A charge that has ended, said plainly for a few seconds: a clear ✓ and the amount when paid. */
export function OutcomeScreen({ charge }: { charge: DisplayCharge & { status: Ended } }) {
  const t = useTranslations('display')
  const locale = useLocale()
  const look = LOOK[charge.status]
  return (
    <div
      className={`flex h-full w-full flex-col items-center justify-center gap-[3vmin] p-[4vmin] text-center ${look.page}`}
    >
      <div
        className={`flex h-[30vmin] w-[30vmin] items-center justify-center rounded-full text-[20vmin] leading-none text-white ${look.circle}`}
        aria-hidden
      >
        {look.mark}
      </div>
      <p className={`text-[8vmin] font-bold ${look.title}`}>{t(`${charge.status}.title`)}</p>
      <p data-testid="display-amount" className="text-[10vmin] leading-none font-bold tabular">
        {formatFen(charge.amountFen, locale)}
      </p>
      <p className="text-[4vmin] text-gray-600">{t(`${charge.status}.hint`)}</p>
    </div>
  )
}
