import { LowerBounds } from './lower-bounds'
import { MIXED_UP_QUERY, NOTIFY_MODES, SETTLE_ACTIONS } from './fault-plan'
import type { FaultReport } from './fault-report'

const CREATE = '/dms/cash-out/payment'
const QUERY = '/dms/cash-out/query'
const KILLED = 'SIGKILL in flight'

/**
 * What the fault run must have done for its "0 duplicates, 0 lost" to mean anything: the form made
 * the charges, the creates reached DMS, each fault hit, each settle happened, the kill caught creates
 * in flight. Prints each count beside its bound; returns whether all hold.
 */
export function checkFaultBounds(r: FaultReport, submittedByForm: number): boolean {
  const b = new LowerBounds()
  const byForm = r.tracked.filter((t) => t.fault !== KILLED)
  const creates = r.log.filter((e) => e.path === CREATE)
  const createsFor = (bill: string) => creates.filter((e) => e.params.bz_order === bill)

  b.atLeast(
    'charges created through the form (a charge screen opened)',
    byForm.filter((t) => t.id).length,
    submittedByForm,
  )
  const refused = byForm.filter((t) => t.fault === 'refused')
  const reachable = byForm.filter((t) => t.fault !== 'refused')
  b.atLeast(
    'bills whose create reached DMS (all but the refused connections)',
    reachable.filter((t) => createsFor(t.bill).length > 0).length,
    reachable.length,
  )
  const injected = reachable.filter((t) => t.fault !== 'none')
  b.atLeast(
    'create faults applied by DMS (the create of the bill met its fault)',
    injected.filter((t) => createsFor(t.bill).some((e) => e.fault)).length,
    injected.length,
  )
  b.atLeast(
    'connection refusals applied (no create of the bill reached DMS)',
    refused.filter((t) => createsFor(t.bill).length === 0).length,
    refused.length,
  )
  const batches = Math.ceil(submittedByForm / 8)
  const hit = (path: string) => r.log.filter((e) => e.fault && e.path === path).length
  b.atLeast('query faults applied (polls and sweeps that met one)', hit(QUERY), batches)
  b.atLeast('close faults applied', hit('/dms/cash-out/close'), 1)
  // A check answered about another payment, maybe a paid one (a proxy mixing answers up): its own
  // fault in every batch, so "0 lost, all reconciled" also says that no such answer was taken.
  b.atLeast(
    'queries answered about another payment (other-order applied)',
    r.log.filter((e) => e.path === QUERY && e.fault?.split('+').includes(MIXED_UP_QUERY)).length,
    batches,
  )

  // Every healthy create left a QR open for the settle phase, which goes round the actions and
  // takes one notification behaviour per batch: with fewer charges (FAULT_CHARGES), fewer of each.
  const healthy = byForm.filter((t) => t.fault === 'none').length
  const settled = r.tracked.filter((t) => t.action)
  b.atLeast('charges settled (one per healthy create at least)', settled.length, healthy)
  b.exactly(
    'settles that failed (a cancel that never settled, a sandbox error)',
    settled.filter((t) => t.note).length,
    0,
  )
  for (const action of SETTLE_ACTIONS.slice(0, healthy)) {
    b.atLeast(
      `charges settled by "${action}"`,
      settled.filter((t) => t.action === action).length,
      1,
    )
  }
  for (const mode of NOTIFY_MODES.slice(0, batches)) {
    b.atLeast(
      `charges settled under notifications "${mode.name}"`,
      settled.filter((t) => t.notify === mode.name).length,
      1,
    )
  }
  const dropping = NOTIFY_MODES.slice(0, batches).some((m) => m.settings.drop)
  b.atLeast(
    'notifications dropped',
    r.notifications.filter((n) => n.outcome === 'dropped').length,
    dropping ? 1 : 0,
  )

  b.holds(
    'every create in flight had reached DMS before the kill',
    r.kill.arrived,
    r.kill.arrived ? 'all' : 'NOT all',
  )
  b.atLeast('charges open when the app was killed', r.kill.open, 1)
  const killed = r.tracked.filter((t) => t.fault === KILLED).map((t) => t.bill)
  b.atLeast(
    'creates killed in flight found as charges after the restart',
    r.views.filter((v) => killed.includes(v.bzOrder)).length,
    killed.length,
  )
  return b.print('what must have happened')
}
