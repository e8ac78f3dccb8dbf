import { BillRuns } from '@/components/charges/bill-number'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { PrintReceiptButton } from '@/components/charges/print-receipt-button'
import { StatusBadge } from '@/components/charges/status-badge'
import { ChargeSummary } from '@/components/manager/charge-summary'
import { ChargeTimeline } from '@/components/manager/charge-timeline'
import { can } from '@/lib/auth/permissions'
import { requirePageUser } from '@/lib/auth/session'
import { getChargeDetail } from '@/lib/charges/queries/detail'
import { getCharge } from '@/lib/charges/repo'
import { dmsCanStillChange } from '@/lib/charges/dms-can-change'
import { chargeScreenActions } from '../../charge/[id]/screen-actions'
import { RecheckButton } from './recheck-button'
import { SettleChargeForm } from './settle-charge-form'

type Params = { params: Promise<{ id: string }> }

const UUID = /^[0-9a-f-]{36}$/

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params
  const charge = UUID.test(id) ? await getCharge(id).catch(() => null) : null
  return {
    title: (await getTranslations('manager.detail'))('title', { bill: charge?.bzOrder ?? '' }),
  }
}

/**
 * One charge for the manager: everything stored about it, its timeline, and a re-check while DMS
 * can still change it.
 */
export default async function ChargeDetailPage({ params }: Params) {
  const user = await requirePageUser('charges:review')
  const { id } = await params
  const detail = UUID.test(id) ? await getChargeDetail(id) : null
  if (!detail) notFound()
  const { charge } = detail
  const t = await getTranslations('manager.detail')
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <Link
        href="/charges"
        className="inline-flex min-h-11 items-center text-accent hover:underline"
      >
        ← {t('back')}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        {/* The bill number moves to a line of its own whole; longer than the line, it breaks after
            a separator (components/charges/bill-number.tsx), never in the middle of a run. */}
        <h1 className="text-2xl font-bold">
          {t.rich('heading', {
            bill: charge.bzOrder,
            keep: () => (
              <span className="inline-block max-w-full break-normal wrap-anywhere">
                <BillRuns value={charge.bzOrder} />
              </span>
            ),
          })}
        </h1>
        <span data-testid="charge-status" data-status={charge.status}>
          <StatusBadge status={charge.status} />
        </span>
      </div>
      {/* The button only for a paid charge; its message region always, so a print refused because
          the charge was refunded meanwhile (the action re-renders the page) says so here. */}
      <PrintReceiptButton
        chargeId={charge.id}
        paid={charge.status === 'paid'}
        actions={chargeScreenActions.receipt}
      />
      <ChargeSummary detail={detail} />
      {/* Renders nothing where DMS can no longer change the charge (or shows what a check just found). */}
      {can(user.role, 'charges:recheck') ? (
        <RecheckButton chargeId={charge.id} offered={dmsCanStillChange(charge)} />
      ) : null}
      {/* Renders nothing unless the charge is unknown (or was just settled from this page). */}
      {can(user.role, 'charges:settle') ? (
        <SettleChargeForm chargeId={charge.id} status={charge.status} />
      ) : null}
      <ChargeTimeline events={detail.events} />
    </div>
  )
}
