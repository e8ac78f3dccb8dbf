import type { Metadata } from 'next'
import { getFormatter, getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { HandoverChargesCard } from '@/components/handover/handover-charges'
import { HandoverSummary } from '@/components/handover/handover-summary'
import { LateChanges } from '@/components/handover/late-changes'
import { PAGE_RULE, PaperChoice, paperOf } from '@/components/handover/paper-choice'
import { ScopePicker } from '@/components/handover/scope-picker'
import { buttonClass } from '@/components/ui/button'
import { can } from '@/lib/auth/permissions'
import { requirePageUser } from '@/lib/auth/session'
import { chargeTotals, openChargeCount } from '@/lib/charges/queries/totals'
import { windowCharges } from '@/lib/charges/queries/window-charges'
import { currentStation } from '@/lib/charges/station-cookie'
import { openWindow, windowLateChanges, windowQuery } from '@/lib/handovers/repo'
import { listUsers } from '@/lib/users'
import { HandoverSubmit, PrintButton } from './handover-controls'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('handover'))('title') }
}

type Search = Record<string, string | string[] | undefined>
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null

export default async function HandoverPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser('handover:record')
  const params = await searchParams
  const manager = can(user.role, 'handovers:review')
  const [{ station: cookieStation, stations }, t, format] = await Promise.all([
    currentStation(),
    getTranslations('handover'),
    getFormatter(),
  ])
  const station = stations.find((s) => s.id === first(params.station)) ?? cookieStation
  if (!station) return <p className="text-gray-600">{t('noStation')}</p>
  const cashiers = manager ? (await listUsers()).filter((u) => !u.disabled) : []
  // A cashier's window is their own; a manager picks a cashier or the whole station.
  const wanted = first(params.cashier)
  const cashier = manager ? (cashiers.find((u) => u.id === wanted) ?? null) : null
  const scope = { stationId: station.id, cashierId: manager ? (cashier?.id ?? null) : user.id }
  const paper = paperOf(first(params.paper))

  const shift = await openWindow(scope)
  const q = windowQuery(scope, shift)
  const [totals, charges, openCount, late] = await Promise.all([
    chargeTotals(q),
    windowCharges(q),
    openChargeCount(q),
    windowLateChanges(scope, shift),
  ])
  const when = (at: number) => format.dateTime(at, 'dayMinute')
  const who = manager ? (cashier?.displayName ?? t('wholeStation')) : user.displayName
  const paperHref = (p: string) => {
    const s = new URLSearchParams({ station: station.id, paper: p })
    if (cashier) s.set('cashier', cashier.id)
    return `/handover?${s.toString()}`
  }
  return (
    <div className={`mx-auto max-w-4xl space-y-6 print:space-y-3 paper-${paper}`}>
      <style>{PAGE_RULE[paper]}</style>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t('heading', { station: station.name })}</h1>
          <p className="text-sm text-gray-600 tabular" data-testid="handover-window">
            {who} ·{' '}
            {/* A time (and the bracket around it) never breaks over two lines on a phone. */}
            {t.rich(shift.continuesLast ? 'windowSince' : 'windowToday', {
              from: when(shift.from),
              to: when(shift.to),
              nowrap: (chunks) => <span className="whitespace-nowrap">{chunks}</span>,
            })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          <PaperChoice paper={paper} href={paperHref} />
          <PrintButton label={t('print')} />
          {manager ? (
            <Link href="/handover/history" className={buttonClass('secondary')}>
              {t('history')}
            </Link>
          ) : null}
        </div>
      </div>
      {manager ? (
        <ScopePicker
          stations={stations.map((s) => ({ id: s.id, name: s.name }))}
          cashiers={cashiers.map((u) => ({ id: u.id, name: u.displayName }))}
          stationId={station.id}
          cashierId={cashier?.id ?? null}
          paper={paper}
        />
      ) : null}
      <HandoverSummary totals={totals} late={late} />
      {openCount > 0 ? (
        <p
          data-testid="handover-open"
          data-count={openCount}
          className="rounded-xl bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t('openFirst', { count: openCount })}
        </p>
      ) : null}
      <HandoverSubmit
        stationId={station.id}
        cashierId={scope.cashierId}
        windowFrom={shift.from}
        windowTo={shift.to}
        openCount={openCount}
      />
      <LateChanges changes={late} linkTo={manager ? 'charges' : 'charge'} />
      <HandoverChargesCard
        charges={charges}
        count={totals.all.count}
        linkTo={manager ? 'charges' : 'charge'}
        late={late.length > 0}
      />
    </div>
  )
}
