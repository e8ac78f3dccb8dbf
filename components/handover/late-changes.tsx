import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { BillNumber } from '@/components/charges/bill-number'
import { StatusBadge } from '@/components/charges/status-badge'
import { Card } from '@/components/ui/card'
import { lateTotals, type LateChange } from '@/lib/charges/queries/late-fold'
import { signedFen } from '@/lib/money'

/**
 * Earlier shifts' charges whose money moved during this shift: paid after their own 交班 (money in)
 * or refunded after it was counted (money out), with their subtotal. Their own shift's record keeps
 * them as they were then; this shift's drawer holds the difference. Nothing when there are none.
 */
export async function LateChanges({
  changes,
  linkTo,
}: {
  changes: LateChange[]
  linkTo: 'charges' | 'charge'
}) {
  if (changes.length === 0) return null
  const [t, format, locale] = await Promise.all([
    getTranslations('handover'),
    getFormatter(),
    getLocale(),
  ])
  const when = (at: number) => format.dateTime(at, 'dayMinute')
  const sums = lateTotals(changes)
  return (
    <Card
      as="section"
      data-testid="handover-late"
      data-count={changes.length}
      className="print:p-0 print:shadow-none print:ring-0"
    >
      <h2 className="text-lg font-semibold">{t('late.title', { count: changes.length })}</h2>
      <p className="mt-1 mb-3 text-sm text-gray-600">{t('late.note')}</p>
      <table className="w-full text-sm tabular">
        <thead className="text-left text-gray-500">
          <tr>
            <th className="py-1 font-medium paper-wide">{t('late.created')}</th>
            <th className="py-1 font-medium">{t('bill')}</th>
            <th className="py-1 font-medium">{t('late.change')}</th>
            <th className="py-1 text-right font-medium">{t('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr
              key={c.id}
              data-testid="handover-late-row"
              data-charge-id={c.id}
              data-from={c.from ?? ''}
              data-to={c.to}
              data-fen={c.deltaFen}
              className="border-t border-gray-100 align-top"
            >
              <td className="py-1.5 pr-2 paper-wide whitespace-nowrap">{when(c.createdAt)}</td>
              <td className="py-1.5 pr-2">
                {/* The bill in the house look (it breaks after its separators), still the way to the charge. */}
                <Link href={`/${linkTo}/${c.id}`} className="text-accent hover:underline">
                  <BillNumber value={c.bzOrder} />
                </Link>
              </td>
              <td className="py-1.5 pr-2">
                <span className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
                  {c.from ? <StatusBadge status={c.from} /> : null}
                  {/* The arrow stays with the status it points to, on a phone's narrow column. */}
                  <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
                    {c.from ? (
                      <>
                        <span aria-hidden="true">→</span>
                        <span className="sr-only">{t('late.became')}</span>
                      </>
                    ) : null}
                    <StatusBadge status={c.to} />
                  </span>
                </span>
                <span className="mt-1 block text-xs text-gray-600 whitespace-nowrap">
                  {when(c.at)}
                </span>
              </td>
              <td className="py-1.5 pl-2 text-right whitespace-nowrap">
                {signedFen(c.deltaFen, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="mt-3 space-y-1 border-t border-gray-200 pt-3 text-sm tabular">
        <div
          className="flex justify-between gap-3"
          data-testid="handover-late-in"
          data-fen={sums.in.sumFen}
        >
          <dt>{t('late.in', { count: sums.in.count })}</dt>
          <dd className="whitespace-nowrap">{signedFen(sums.in.sumFen, locale)}</dd>
        </div>
        <div
          className="flex justify-between gap-3"
          data-testid="handover-late-out"
          data-fen={sums.out.sumFen}
        >
          <dt>{t('late.out', { count: sums.out.count })}</dt>
          <dd className="whitespace-nowrap">{signedFen(-sums.out.sumFen, locale)}</dd>
        </div>
        <div
          className="flex justify-between gap-3 font-semibold"
          data-testid="handover-late-net"
          data-fen={sums.netFen}
        >
          <dt>{t('late.net')}</dt>
          <dd className="whitespace-nowrap">{signedFen(sums.netFen, locale)}</dd>
        </div>
      </dl>
    </Card>
  )
}
