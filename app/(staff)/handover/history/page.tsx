import type { Metadata } from 'next'
import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { Card } from '@/components/ui/card'
import { requirePageUser } from '@/lib/auth/session'
import { listHandovers } from '@/lib/handovers/repo'
import { formatFen } from '@/lib/money'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('handover'))('historyTitle') }
}

/** Past handovers, newest first, with the totals frozen when each was recorded. */
export default async function HandoverHistoryPage() {
  await requirePageUser('handovers:review')
  const [handovers, t, tWay, format, locale] = await Promise.all([
    listHandovers(),
    getTranslations('handover'),
    getTranslations('payWay'),
    getFormatter(),
    getLocale(),
  ])
  const when = (at: number) => format.dateTime(at, 'minute')
  const money = (fen: number) => formatFen(fen, locale)
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t('historyTitle')}</h1>
        <Link href="/handover" className="text-sm text-accent hover:underline">
          {t('backToOpen')}
        </Link>
      </div>
      {handovers.length === 0 ? (
        <p className="text-gray-600">{t('noHistory')}</p>
      ) : (
        <Card pad="none" className="overflow-x-auto">
          <table className="w-full text-sm tabular">
            <thead className="bg-gray-50 text-left text-gray-500">
              <tr>
                <th className="px-4 py-2 font-medium">{t('handedAt')}</th>
                <th className="px-4 py-2 font-medium">{t('station')}</th>
                <th className="px-4 py-2 font-medium">{t('cashier')}</th>
                <th className="px-4 py-2 font-medium">{t('window')}</th>
                <th className="px-4 py-2 font-medium">{t('handedBy')}</th>
                <th className="px-4 py-2 text-right font-medium">{t('paid')}</th>
                <th className="px-4 py-2 font-medium">{t('perPayWay')}</th>
              </tr>
            </thead>
            <tbody>
              {handovers.map((h) => (
                <tr
                  key={h.id}
                  data-testid="handover-record"
                  data-handover-id={h.id}
                  data-fen={h.paidFen}
                  data-count={h.paidCount}
                  className="border-t border-gray-100"
                >
                  <td className="px-4 py-2 whitespace-nowrap">{when(h.createdAt)}</td>
                  <td className="px-4 py-2">{h.stationName}</td>
                  <td className="px-4 py-2">{h.cashierName ?? t('wholeStation')}</td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    {when(h.windowFrom)} – {when(h.windowTo)}
                  </td>
                  <td className="px-4 py-2">{h.handedByName}</td>
                  <td className="px-4 py-2 text-right font-semibold">
                    {money(h.paidFen)}
                    <div className="text-xs font-normal text-gray-500">
                      {t('paidCount', { count: h.paidCount })}
                    </div>
                  </td>
                  <td className="px-4 py-2 text-xs text-gray-600">
                    {h.totals.byPayWay.map((w) => (
                      <div key={w.payWay}>
                        {tWay(w.payWay)}{' '}
                        {t('payWayLine', { count: w.paid.count, amount: money(w.paid.sumFen) })}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  )
}
