import type { Metadata } from 'next'
import { getFormatter, getLocale, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { PhoneLabel, phoneTable } from '@/components/ui/phone-table'
import { requirePageUser } from '@/lib/auth/session'
import { cursorText, parseHandoverCursor } from '@/lib/handovers/cursor'
import { listHandovers } from '@/lib/handovers/records'
import { shiftTaken } from '@/lib/handovers/taken'
import { formatFen, signedFen } from '@/lib/money'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('handover'))('historyTitle') }
}

type Search = { before?: string | string[] }

/**
 * Past handovers, newest first, a page at a time, with the totals frozen when each was recorded:
 * the window's paid sum, and where earlier shifts' money moved in it, what the shift took (本班实收).
 */
export default async function HandoverHistoryPage({
  searchParams,
}: {
  searchParams: Promise<Search>
}) {
  await requirePageUser('handovers:review')
  const before = parseHandoverCursor((await searchParams).before)
  const [{ handovers, older }, t, tWay, format, locale] = await Promise.all([
    listHandovers({ before }),
    getTranslations('handover'),
    getTranslations('payWay'),
    getFormatter(),
    getLocale(),
  ])
  const when = (at: number) => format.dateTime(at, 'minute')
  // The window's ends without the year, which the handed-over time beside them already gives.
  const end = (at: number) => format.dateTime(at, 'dayMinute')
  const money = (fen: number) => formatFen(fen, locale)
  const nowrap = (chunks: React.ReactNode) => <span className="whitespace-nowrap">{chunks}</span>
  // On a phone each handover is a list item: when, then the rest labelled. At a desk's width each
  // name and time keeps to one line (a short 收银员小王 broke in two once 查看 / 打印 took a column):
  // the cells' padding is the narrower px-3 and the window may take two lines, so the eight columns
  // fit 1024 px.
  const field = `px-4 py-2 lg:px-3 ${phoneTable.field}`
  const name = `${field} lg:whitespace-nowrap`
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      {/* Where the heading and the way back do not fit side by side (a phone), the link goes under it. */}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('historyTitle')}</h1>
        <Link href="/handover" className={buttonClass('secondary')}>
          {t('backToOpen')}
        </Link>
      </div>
      {handovers.length === 0 ? (
        <p className="text-gray-600" data-testid="handover-history-empty">
          {t(before === null ? 'noHistory' : 'noOlder')}
        </p>
      ) : (
        <Card pad="none" className="overflow-x-auto">
          <table className={`w-full text-sm tabular ${phoneTable.table}`}>
            <thead className={`bg-gray-50 text-left text-gray-500 ${phoneTable.head}`}>
              <tr>
                <th className="px-3 py-2 font-medium">{t('handedAt')}</th>
                <th className="px-3 py-2 font-medium">{t('station')}</th>
                <th className="px-3 py-2 font-medium">{t('cashier')}</th>
                <th className="px-3 py-2 font-medium">{t('window')}</th>
                <th className="px-3 py-2 font-medium">{t('handedBy')}</th>
                <th className="px-3 py-2 text-right font-medium">{t('paid')}</th>
                <th className="px-3 py-2 font-medium">{t('perPayWay')}</th>
                <th className="px-3 py-2 font-medium">
                  <span className="sr-only">{t('recordTitle')}</span>
                </th>
              </tr>
            </thead>
            <tbody className={phoneTable.body}>
              {handovers.map((h) => {
                const taken = shiftTaken(h.paidFen, h.lateChanges)
                return (
                  <tr
                    key={h.id}
                    data-testid="handover-record"
                    data-handover-id={h.id}
                    data-fen={h.paidFen}
                    data-count={h.paidCount}
                    data-taken-fen={taken.takenFen}
                    className={`border-t border-gray-100 ${phoneTable.row} ${phoneTable.labelled} max-lg:px-4`}
                  >
                    <td
                      className={`px-4 py-2 whitespace-nowrap lg:px-3 ${phoneTable.cell} max-lg:col-span-2 max-lg:font-medium`}
                    >
                      {when(h.createdAt)}
                    </td>
                    <td className={name}>
                      <PhoneLabel>{t('station')}</PhoneLabel>
                      {h.stationName}
                    </td>
                    <td className={name}>
                      <PhoneLabel>{t('cashier')}</PhoneLabel>
                      {h.cashierName ?? t('wholeStation')}
                    </td>
                    <td className={field}>
                      <PhoneLabel>{t('window')}</PhoneLabel>
                      {/* Where the row is short of room (a phone, 1024 px) the window takes two lines:
                        between its times, never inside one. */}
                      <span>
                        <span className="whitespace-nowrap">{end(h.windowFrom)} –</span>{' '}
                        <span className="whitespace-nowrap">{end(h.windowTo)}</span>
                      </span>
                    </td>
                    <td className={name}>
                      <PhoneLabel>{t('handedBy')}</PhoneLabel>
                      {h.handedByName}
                    </td>
                    <td className={`${field} text-right font-semibold max-lg:text-left`}>
                      <PhoneLabel>{t('paid')}</PhoneLabel>
                      <div>
                        {money(h.paidFen)}
                        <div className="text-xs font-normal text-gray-500">
                          {t('paidCount', { count: h.paidCount })}
                        </div>
                        {/* Money of earlier shifts moved in this one: what the drawer took, and why
                          it differs from the paid sum above. */}
                        {taken.lateNetFen !== null ? (
                          <div
                            data-testid="handover-record-taken"
                            data-fen={taken.takenFen}
                            className="mt-1 border-t border-gray-100 pt-1"
                          >
                            <div>
                              {t.rich('late.takenCell', {
                                taken:
                                  taken.takenFen < 0
                                    ? signedFen(taken.takenFen, locale)
                                    : money(taken.takenFen),
                                nowrap,
                              })}
                            </div>
                            <div className="text-xs font-normal text-gray-500">
                              {t.rich('late.netCell', {
                                net: signedFen(taken.lateNetFen, locale),
                                nowrap,
                              })}
                            </div>
                          </div>
                        ) : null}
                      </div>
                    </td>
                    <td className={`${field} text-xs text-gray-600`}>
                      <PhoneLabel>
                        <span className="text-sm">{t('perPayWay')}</span>
                      </PhoneLabel>
                      <div>
                        {h.totals.byPayWay.map((w) => (
                          <div key={w.payWay} className="whitespace-nowrap">
                            {tWay(w.payWay)}{' '}
                            {t('payWayLine', { count: w.paid.count, amount: money(w.paid.sumFen) })}
                          </div>
                        ))}
                      </div>
                    </td>
                    <td className={`${field} max-lg:col-span-2`}>
                      <Link
                        href={`/handover/${encodeURIComponent(h.id)}`}
                        data-testid="handover-record-open"
                        className={`${buttonClass('secondary')} whitespace-nowrap`}
                      >
                        {t('openRecord')}
                      </Link>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </Card>
      )}
      <nav aria-label={t('paging')} className="flex flex-wrap gap-2">
        {before !== null ? (
          <Link
            href="/handover/history"
            className={buttonClass('secondary')}
            data-testid="handover-history-newest"
          >
            {t('newest')}
          </Link>
        ) : null}
        {older !== null ? (
          <Link
            href={`/handover/history?before=${encodeURIComponent(cursorText(older))}`}
            className={buttonClass('secondary')}
            data-testid="handover-history-older"
          >
            {t('older')}
          </Link>
        ) : null}
      </nav>
    </div>
  )
}
