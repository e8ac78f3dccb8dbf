import type { Metadata } from 'next'
import { getFormatter, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { HandoverChargesCard } from '@/components/handover/handover-charges'
import { HandoverSummary } from '@/components/handover/handover-summary'
import { LateChanges } from '@/components/handover/late-changes'
import { PAGE_RULE, PaperChoice, paperOf, type Paper } from '@/components/handover/paper-choice'
import { buttonClass } from '@/components/ui/button'
import { can } from '@/lib/auth/permissions'
import { requirePageUser } from '@/lib/auth/session'
import { windowChargesAsAt } from '@/lib/charges/queries/window-as-at'
import { getHandover } from '@/lib/handovers/records'
import { windowQuery } from '@/lib/handovers/repo'
import { PrintButton } from '../handover-controls'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('handover'))('recordTitle') }
}

type Search = Record<string, string | string[] | undefined>

/**
 * A recorded handover, to print after 交班: its totals as frozen then, and the charges of its window
 * with their statuses as they stood then (a charge that changed since says so under its status), so
 * the sheet is the record of that moment and its rows add up to its totals.
 * Managers see any; a cashier only those they recorded. Anyone else gets not-found, not forbidden,
 * so an id says nothing about whether it exists.
 */
export default async function HandoverRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Search>
}) {
  const user = await requirePageUser('handover:record')
  const [{ id }, search] = await Promise.all([params, searchParams])
  const manager = can(user.role, 'handovers:review')
  const handover = id.length <= 64 ? await getHandover(id) : null
  if (!handover || (!manager && handover.handedBy !== user.id)) notFound()
  const [t, format] = await Promise.all([getTranslations('handover'), getFormatter()])
  const paperParam = Array.isArray(search.paper) ? search.paper[0] : search.paper
  const paper = paperOf(paperParam ?? null)
  const scope = { stationId: handover.stationId, cashierId: handover.cashierId }
  const q = windowQuery(scope, { from: handover.windowFrom, to: handover.windowTo })
  const charges = await windowChargesAsAt(q, handover.eventsThrough)
  const changed = charges.filter((c) => c.later !== null).length
  const late = handover.lateChanges
  const when = (at: number) => format.dateTime(at, 'dayMinute')
  const nowrap = (chunks: React.ReactNode) => <span className="whitespace-nowrap">{chunks}</span>
  const paperHref = (p: Paper) => `/handover/${encodeURIComponent(handover.id)}?paper=${p}`
  return (
    <div
      className={`mx-auto max-w-4xl space-y-6 print:space-y-3 paper-${paper}`}
      data-testid="handover-record-page"
      data-handover-id={handover.id}
    >
      <style>{PAGE_RULE[paper]}</style>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">
            {t('recordHeading', { station: handover.stationName })}
          </h1>
          <p className="text-sm text-gray-600 tabular" data-testid="handover-window">
            {handover.cashierName ?? t('wholeStation')} ·{' '}
            {t.rich('recordWindow', {
              from: when(handover.windowFrom),
              to: when(handover.windowTo),
              nowrap,
            })}
          </p>
          <p className="text-sm text-gray-600 tabular" data-testid="handover-handed">
            {t.rich('handedLine', {
              name: handover.handedByName,
              at: when(handover.createdAt),
              nowrap,
            })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          <PaperChoice paper={paper} href={paperHref} />
          <PrintButton label={t('print')} />
          <Link
            href={manager ? '/handover/history' : '/handover'}
            className={buttonClass('secondary')}
          >
            {manager ? t('history') : t('backToOpen')}
          </Link>
        </div>
      </div>
      <p className="text-sm text-gray-700" data-testid="handover-as-at" data-changed={changed}>
        {t.rich('asAtNote', {
          at: when(handover.createdAt),
          count: changed,
          nowrap,
          changed: (chunks) => <span className="text-amber-800 print:text-black">{chunks}</span>,
        })}
      </p>
      <HandoverSummary totals={handover.totals} late={late} />
      <LateChanges changes={late} linkTo={manager ? 'charges' : 'charge'} />
      <HandoverChargesCard
        charges={charges}
        count={handover.totals.all.count}
        linkTo={manager ? 'charges' : 'charge'}
        handedAt={handover.createdAt}
        late={late.length > 0}
      />
    </div>
  )
}
