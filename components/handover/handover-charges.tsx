import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { StatusBadge } from '@/components/charges/status-badge'
import { Card } from '@/components/ui/card'
import { WINDOW_LIST_LIMIT, type HandoverCharge } from '@/lib/charges/queries/window-charges'
import { formatFen } from '@/lib/money'

/** The shift's charges, oldest first. On the 80 mm roll only time, bill, status and amount fit. */
export async function HandoverCharges({
  charges,
  cut,
  linkTo,
}: {
  charges: HandoverCharge[]
  cut: boolean
  /** Where a row links: the manager's detail page or the cashier's charge screen. */
  linkTo: 'charges' | 'charge'
}) {
  const [t, tWay, format, locale] = await Promise.all([
    getTranslations('handover'),
    getTranslations('payWay'),
    getFormatter(),
    getLocale(),
  ])
  if (charges.length === 0) {
    return <p className="text-sm text-gray-600">{t('noCharges')}</p>
  }
  const time = (at: number) => format.dateTime(at, 'time')
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
              className="border-t border-gray-100"
            >
              <td className="py-1.5 pr-2">{time(c.createdAt)}</td>
              {/* Broken at its hyphens first, mid-number only on a roll too narrow for a piece. */}
              <td className="py-1.5 pr-2 [overflow-wrap:anywhere]">
                <Link href={`/${linkTo}/${c.id}`} className="text-accent hover:underline">
                  {c.bzOrder}
                </Link>
              </td>
              <td className="py-1.5 paper-wide">{tWay(c.payWay)}</td>
              <td className="py-1.5 paper-wide">{c.cashierName}</td>
              <td className="py-1.5 whitespace-nowrap">
                <StatusBadge status={c.status} />
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
}: {
  charges: HandoverCharge[]
  /** The shift's number of charges (its totals'), which the list may be cut short of. */
  count: number
  linkTo: 'charges' | 'charge'
}) {
  const t = await getTranslations('handover')
  return (
    <Card as="section" className="print:p-0 print:shadow-none print:ring-0">
      <h2 className="mb-3 text-lg font-semibold">{t('charges', { count })}</h2>
      <HandoverCharges
        charges={charges}
        cut={charges.length >= WINDOW_LIST_LIMIT}
        linkTo={linkTo}
      />
    </Card>
  )
}
