import 'server-only'
import type { ExpressionBuilder, Kysely } from 'kysely'
import { countAll, getDb } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import type { PayWay } from '@/lib/dms/types'
import { OPEN_STATUSES, type ChargeStatus } from '../status'
import { attentionReasons, OVERDUE_GRACE_MS, type AttentionReason } from './attention-reasons'

/**
 * The timeline event a manager's "handled" click appends; it clears a paid-after-cancel flag, or a
 * settlement DMS disagreed with — one made before the disagreement does not count for it.
 */
export const REVIEWED_EVENT = 'attention-reviewed'
export const ATTENTION_LIMIT = 200

export interface AttentionRow {
  id: string
  createdAt: number
  bzOrder: string
  amountFen: number
  payWay: PayWay
  status: ChargeStatus
  stationName: string | null
  cashierName: string | null
  checkFailures: number
  reasons: AttentionReason[]
}

function reviewed(eb: ExpressionBuilder<Database, 'charges'>) {
  return eb.exists(
    eb
      .selectFrom('charge_events')
      .select('charge_events.id')
      .whereRef('charge_events.charge_id', '=', 'charges.id')
      .where('charge_events.type', '=', REVIEWED_EVENT),
  )
}

/** Reviewed after the settlement by hand, so after DMS disagreed with it. */
function settleReviewed(eb: ExpressionBuilder<Database, 'charges'>) {
  return eb.exists(
    eb
      .selectFrom('charge_events as r')
      .select('r.id')
      .whereRef('r.charge_id', '=', 'charges.id')
      .where('r.type', '=', REVIEWED_EVENT)
      .where((e) =>
        e(
          'r.id',
          '>',
          e
            .selectFrom('charge_events as s')
            .select((m) => m.fn.max('s.id').as('m'))
            .whereRef('s.charge_id', '=', 'charges.id')
            .where('s.type', '=', 'manager-settled'),
        ),
      ),
  )
}

/** The rules of attention-reasons.ts as one WHERE expression. */
function needsAttention(now: number) {
  return (eb: ExpressionBuilder<Database, 'charges'>) => {
    const open = eb('charges.status', 'in', [...OPEN_STATUSES])
    return eb.or([
      eb('charges.status', '=', 'unknown'),
      eb.and([open, eb('charges.expires_at', '<', now - OVERDUE_GRACE_MS)]),
      eb.and([eb('charges.paid_after_cancel', '=', 1), eb.not(reviewed(eb))]),
      eb.and([open, eb('charges.check_failures', '>', 0)]),
      eb.and([eb('charges.settle_disputed', '=', 1), eb.not(settleReviewed(eb))]),
    ])
  }
}

/** The badge in the nav: how many charges need a manager now. */
export async function countNeedsAttention(
  now = Date.now(),
  db: Kysely<Database> = getDb(),
): Promise<number> {
  const row = await db
    .selectFrom('charges')
    .where(needsAttention(now))
    .select(countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Newest first, each with its reasons; at most ATTENTION_LIMIT (the count says if there are more). */
export async function listNeedsAttention(
  now = Date.now(),
  db: Kysely<Database> = getDb(),
): Promise<AttentionRow[]> {
  const rows = await db
    .selectFrom('charges')
    .leftJoin('stations', 'stations.id', 'charges.station_id')
    .leftJoin('users', 'users.id', 'charges.cashier_id')
    .where(needsAttention(now))
    .select((eb) => [
      'charges.id',
      'charges.created_at',
      'charges.bz_order',
      'charges.amount_fen',
      'charges.pay_way',
      'charges.status',
      'charges.expires_at',
      'charges.paid_after_cancel',
      'charges.check_failures',
      'stations.name as station_name',
      'users.display_name as cashier_name',
      'charges.settle_disputed',
      reviewed(eb).as('reviewed'),
      settleReviewed(eb).as('settle_reviewed'),
    ])
    .orderBy('charges.created_at', 'desc')
    .orderBy('charges.id', 'desc')
    .limit(ATTENTION_LIMIT)
    .execute()
  return rows.map((r) => {
    const facts = {
      status: r.status,
      expiresAt: Number(r.expires_at),
      paidAfterCancel: Number(r.paid_after_cancel) === 1,
      reviewed: Boolean(Number(r.reviewed)),
      checkFailures: Number(r.check_failures),
      settleDisputed: Number(r.settle_disputed) === 1 && !Number(r.settle_reviewed),
    }
    return {
      id: r.id,
      createdAt: Number(r.created_at),
      bzOrder: r.bz_order,
      amountFen: Number(r.amount_fen),
      payWay: r.pay_way as PayWay,
      status: r.status,
      stationName: r.station_name,
      cashierName: r.cashier_name,
      checkFailures: facts.checkFailures,
      reasons: attentionReasons(facts, now),
    }
  })
}

/** The needs-attention page at one instant: the newest rows and how many there are in all. */
export async function loadAttention(now = Date.now()) {
  const [rows, count] = await Promise.all([listNeedsAttention(now), countNeedsAttention(now)])
  return { rows, count }
}
