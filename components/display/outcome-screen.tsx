'use client'

import type { DisplayCharge } from '@/lib/display/view'
import { formatFen } from '@/lib/money-text'
import type { DisplayTexts } from './texts'

/** Drawn, not typed: a font's ✓ differs from tablet to tablet. Paths on a 24-unit grid. */
const LOOK = {
  paid: { mark: 'M5.5 12.5l4.5 4.5 8.5-9.5', tone: 'paid', page: 'bg-green-50' },
  failed: { mark: 'M7 7l10 10M17 7L7 17', tone: 'failed', page: 'bg-red-50' },
  closed: { mark: 'M6 12h12', tone: 'closed', page: 'bg-gray-100' },
  refunded: {
    mark: 'M9.5 6.5L5 11l4.5 4.5M5 11h9.5a4 4 0 0 1 0 8H12',
    tone: 'closed',
    page: 'bg-gray-100',
  },
  refused: { mark: 'M6 12h12', tone: 'closed', page: 'bg-gray-100' },
} as const

// Whole class names (Tailwind finds only those): the status colours, as everywhere.
const TONE = {
  paid: { circle: 'bg-status-paid', title: 'text-status-paid' },
  failed: { circle: 'bg-status-failed', title: 'text-status-failed' },
  closed: { circle: 'bg-status-closed', title: 'text-status-closed' },
} as const

type Ended = keyof typeof LOOK

export function isEnded(status: DisplayCharge['status']): status is Ended {
  return Object.hasOwn(LOOK, status)
}

/** A charge that has ended, said plainly for a few seconds: a clear ✓ and the amount when paid. */
export function OutcomeScreen({
  charge,
  texts,
  locale,
}: {
  charge: DisplayCharge & { status: Ended }
  texts: DisplayTexts
  locale: string
}) {
  // A QR whose time ran out is said as that (the cashier's cancel keeps "closed"): view.ts.
  const words = charge.expired ? texts.timedOut : texts[charge.status]
  const look = LOOK[charge.status]
  const tone = TONE[look.tone]
  return (
    <div
      className={`flex h-full w-full flex-col items-center justify-center gap-[3vmin] p-[4vmin] text-center ${look.page}`}
    >
      <div
        className={`flex h-[30vmin] w-[30vmin] items-center justify-center rounded-full ${tone.circle}`}
        aria-hidden
      >
        <svg viewBox="0 0 24 24" className="h-[60%] w-[60%]" fill="none">
          <path
            d={look.mark}
            stroke="white"
            strokeWidth="2.4"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </div>
      <p className={`text-[8vmin] font-bold ${tone.title}`}>{words.title}</p>
      <p data-testid="display-amount" className="text-[10vmin] leading-none font-bold tabular">
        {formatFen(charge.amountFen, locale)}
      </p>
      <p className="text-[4vmin] text-gray-600">{words.hint}</p>
    </div>
  )
}
