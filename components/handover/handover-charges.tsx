import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { StatusBadge } from '@/components/charges/status-badge'
import { Card } from '@/components/ui/card'
import { beijingDayStart } from '@/lib/charges/beijing-day'
import type { LaterStatus } from '@/lib/charges/queries/window-as-at'
import { WINDOW_LIST_LIMIT, type HandoverCharge } from '@/lib/charges/queries/window-charges'
import { formatFen } from '@/lib/money'

/** A row: the open shift's as it is now; a recorded one's as at 交班, with what it became since. */
type ShiftCharge = HandoverCharge & { later?: LaterStatus | null }

/** The shift's charges, oldest first. On the 80 mm roll only time, bill, status and amount fit. */
export async function HandoverCharges({
  charges,
  cut,
  linkTo,
  handedAt,
  late = false,
}: {
  charges: ShiftCharge[]
  cut: boolean
  /** Where a row links: the manager's detail page or the cashier's charge screen. */
  linkTo: 'charges' | 'charge'
  /** A recorded shift's 交班 time: a later change on its day reads by the clock alone. */
  handedAt?: number
  /** Whether earlier shifts' money moved in this one (listed above): then no charges is not no money. */
  late?: boolean
}) {
  const [t, tWay, tStatus, format, locale] = await Promise.all([
    getTranslations('handover'),
    getTranslations('payWay'),
    getTranslations('status'),
    getFormatter(),
    getLocale(),
  ])
  if (charges.length === 0) {
    return (
      <p className="text-sm text-gray-600" data-testid="handover-no-charges">
        {t(late ? 'noChargesLate' : 'noCharges')}
      </p>
    )
  }
  const time = (at: number) => format.dateTime(at, 'time')
  // A shift runs from the last handover to now, often over Beijing midnight: then each row names
  // its day too, or a printed sheet's 20:15 and 09:05 could be either day.
  const day = beijingDayStart(charges[0]!.createdAt)
  const oneDay = charges.every((c) => beijingDayStart(c.createdAt) === day)
  const created = (at: number) => (oneDay ? time(at) : format.dateTime(at, 'dayMinute'))
  const laterTime = (at: number) =>
    handedAt !== undefined && beijingDayStart(at) === beijingDayStart(handedAt)
      ? time(at)
      : format.dateTime(at, 'dayMinute')
  const nowrap = (chunks: React.ReactNode) => <span className="whitespace-nowrap">{chunks}</span>
  return (
    <div>
      <table className="w-full text-sm tabular">
        <thead className="text-left text-gray-500">
          <tr>
            <th className="py-1 font-medium">{t('time')}</th>
            <th className="py-1 font-medium">{t('bill')}</th>
            <th className="py-1 font-medium paper-wide">{t('payWay')}</th>
            <th className="py-1 font-medium paper-wide">{t('cashier')}</th>
            <th className="py-1 font-medium">{t('status')}</th>
            <th className="py-1 text-right font-medium">{t('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {charges.map((c) => (
            <tr
              key={c.id}
              data-testid="handover-row"
              data-charge-id={c.id}
              data-status={c.status}
              data-fen={c.amountFen}
              data-later-status={c.later?.status}
              className="border-t border-gray-100"
            >
              <td className="py-1.5 pr-2">{created(c.createdAt)}</td>
              {/* On screen broken at its hyphens only: a cell that may break anywhere gave up its
                  width to a wider neighbour (a later line), and the bill broke mid-number
                  (WX2|0261|205-|0001). On an 80 mm roll a piece may still break: nothing else fits. */}
              <td className="py-1.5 pr-2 wrap-break-word print:[overflow-wrap:anywhere]">
                <Link href={`/${linkTo}/${c.id}`} className="text-accent hover:underline">
                  {c.bzOrder}
                </Link>
              </td>
              <td className="py-1.5 paper-wide">{tWay(c.payWay)}</td>
              <td className="py-1.5 paper-wide">{c.cashierName}</td>
              <td className="py-1.5">
                <span className="whitespace-nowrap">
                  <StatusBadge status={c.status} />
                </span>
                {c.later ? (
                  <span
                    data-testid="handover-row-later"
                    className="mt-1 block text-xs text-amber-800 print:text-black"
                  >
                    {t.rich('laterLine', {
                      status: tStatus(c.later.status),
                      at: laterTime(c.later.at),
                      nowrap,
                      // Two short lines in a narrow column (a phone, the roll): the bill keeps its width.
                      head: (chunks) => <span className="block lg:inline">{chunks}</span>,
                    })}
                  </span>
                ) : null}
              </td>
              <td className="py-1.5 pl-2 text-right whitespace-nowrap">
                {formatFen(c.amountFen, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cut ? <p className="mt-2 text-sm text-amber-700">{t('listCut')}</p> : null}
    </div>
  )
}

/**
 * The shift's charges as both handover pages show and print them (the open shift and a recorded
 * one): a card headed with the shift's count, the list cut at the window's limit.
 */
export async function HandoverChargesCard({
  charges,
  count,
  linkTo,
  handedAt,
  late,
}: {
  charges: ShiftCharge[]
  /** The shift's number of charges (its totals'), which the list may be cut short of. */
  count: number
  linkTo: 'charges' | 'charge'
  handedAt?: number
  late?: boolean
}) {
  const t = await getTranslations('handover')
  return (
    <Card as="section" className="print:p-0 print:shadow-none print:ring-0">
      <h2 className="mb-3 text-lg font-semibold">{t('charges', { count })}</h2>
      <HandoverCharges
        charges={charges}
        cut={charges.length >= WINDOW_LIST_LIMIT}
        linkTo={linkTo}
        handedAt={handedAt}
        late={late}
      />
    </Card>
  )
}
