'use client'

import { Countdown } from '@/components/charges/countdown'
import { PayWayMark } from '@/components/charges/pay-way-mark'
import type { DisplayCharge } from '@/lib/display/view'
import { formatFen } from '@/lib/money-text'
import { DisplayQr } from './display-qr'
import { fill, type DisplayTexts } from './texts'

/** Says why there is no QR (yet): being made, being settled, or no longer usable. */
function NoQr({ charge, texts }: { charge: DisplayCharge; texts: DisplayTexts }) {
  const busy = charge.status === 'creating' || charge.status === 'unknown'
  const text =
    charge.status === 'creating'
      ? texts.creating
      : charge.status === 'unknown'
        ? texts.unknown
        : texts.stopped
  return (
    <div className="flex h-full w-full flex-col items-center justify-center gap-[3vmin] rounded-[2vmin] bg-gray-100 p-[4vmin] text-center">
      {busy ? (
        <span
          className="h-[10vmin] w-[10vmin] animate-spin rounded-full border-[1vmin] border-gray-300 border-t-accent"
          aria-hidden
        />
      ) : null}
      <p className="text-[4vmin] font-medium text-gray-700">{text}</p>
    </div>
  )
}

/**
 * A charge in play: the QR as large as the screen allows (72% of its short side), the amount in
 * large type, the bill, the pay way with its one-line instruction and the countdown. QR and text
 * sit side by side on a landscape screen and one above the other on a portrait one.
 */
export function PaymentScreen({
  charge,
  texts,
  locale,
  offset,
}: {
  charge: DisplayCharge
  texts: DisplayTexts
  locale: string
  offset: number
}) {
  return (
    <div className="flex h-full w-full flex-col items-center justify-center gap-[4vmin] bg-white p-[3vmin] text-gray-900 landscape:flex-row">
      <div className="h-[72vmin] w-[72vmin] shrink-0">
        {charge.qr ? <DisplayQr value={charge.qr} /> : <NoQr charge={charge} texts={texts} />}
      </div>
      <div className="flex min-w-0 flex-col items-center gap-[2.5vmin] text-center landscape:items-start landscape:text-left">
        <p className="flex items-center gap-[1.5vmin] text-[3.6vmin] font-semibold [&>svg]:h-[6vmin] [&>svg]:w-[6vmin]">
          <PayWayMark payWay={charge.payWay} />
          {texts.scanWith[charge.payWay]}
        </p>
        <p
          data-testid="display-amount"
          className="leading-none font-bold tabular portrait:text-[11vw] landscape:text-[length:min(11vmin,6vw)]"
        >
          {formatFen(charge.amountFen, locale)}
        </p>
        <p className="text-[3vmin] text-gray-600">{fill(texts.bill, { bill: charge.bzOrder })}</p>
        {charge.status === 'paying' && charge.qr ? (
          <p className="text-[3.4vmin] font-medium text-status-waiting">{texts.paying}</p>
        ) : null}
        {charge.qr ? (
          <Countdown
            deadline={charge.expiresAt}
            offset={offset}
            running={(time) => fill(texts.countdown, { time })}
            expired={texts.expired}
            className="text-[3.2vmin] text-gray-500 tabular"
            testId="display-countdown"
          />
        ) : null}
      </div>
    </div>
  )
}
