import 'server-only'
import type { Kysely } from 'kysely'
import { dialectOf, getDb } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import type { PayWay } from '@/lib/dms/types'
import type { ChargeStatus } from '../status'
import { encodeCursor, type Cursor, type PageRequest } from './cursor'
import type { ChargeQuery } from './filters'
import { chargeWhere } from './where'

/** One line of the manager's list and of the CSV export. */
export interface ChargeListRow {
  id: string
  createdAt: number
  bzOrder: string
  amountFen: number
  payWay: PayWay
  status: ChargeStatus
  stationId: string
  stationName: string | null
  cashierId: string
  cashierName: string | null
  bizOrderNo: string | null
  orderNo: string | null
  paidAt: number | null
  paidAfterCancel: boolean
  /** What DMS said when it refused or failed the charge (the export's failure reason). */
  errorCode: number | null
  errorMessage: string | null
  /** The QR content, if DMS ever made one: a failure before it is worded apart (failure.ts). */
  payInfo: string | null
}

export interface ChargePage {
  rows: ChargeListRow[]
  /** Cursor for the next (older) page, null on the last page. */
  older: string | null
  /** Cursor for the previous (newer) page, null on the first page. */
  newer: string | null
}

export const PAGE_SIZE = 50

function baseQuery(db: Kysely<Database>, q: ChargeQuery) {
  return db
    .selectFrom('charges')
    .leftJoin('stations', 'stations.id', 'charges.station_id')
    .leftJoin('users', 'users.id', 'charges.cashier_id')
    .select([
      'charges.id',
      'charges.created_at',
      'charges.bz_order',
      'charges.amount_fen',
      'charges.pay_way',
      'charges.status',
      'charges.station_id',
      'stations.name as station_name',
      'charges.cashier_id',
      'users.display_name as cashier_name',
      'charges.biz_order_no',
      'charges.order_no',
      'charges.paid_at',
      'charges.paid_after_cancel',
      'charges.error_code',
      'charges.error_message',
      'charges.pay_info',
    ])
    .where(chargeWhere(q, dialectOf(db)))
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]

function toRow(r: Row): ChargeListRow {
  return {
    id: r.id,
    createdAt: Number(r.created_at),
    bzOrder: r.bz_order,
    amountFen: Number(r.amount_fen),
    payWay: r.pay_way as PayWay,
    status: r.status,
    stationId: r.station_id,
    stationName: r.station_name,
    cashierId: r.cashier_id,
    cashierName: r.cashier_name,
    bizOrderNo: r.biz_order_no,
    orderNo: r.order_no,
    paidAt: r.paid_at === null ? null : Number(r.paid_at),
    paidAfterCancel: Number(r.paid_after_cancel) === 1,
    errorCode: r.error_code === null ? null : Number(r.error_code),
    errorMessage: r.error_message,
    payInfo: r.pay_info,
  }
}

/** Up to `limit` rows strictly older than `after` (or the newest), newest first. The export's loop. */
export async function listOlder(
  q: ChargeQuery,
  after: Cursor | null,
  limit: number,
  db: Kysely<Database> = getDb(),
): Promise<ChargeListRow[]> {
  let query = baseQuery(db, q)
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('charges.created_at', 'charges.id'), '<', eb.tuple(after.createdAt, after.id)),
    )
  }
  const rows = await query
    .orderBy('charges.created_at', 'desc')
    .orderBy('charges.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toRow)
}

async function listNewer(q: ChargeQuery, before: Cursor, limit: number, db: Kysely<Database>) {
  const rows = await baseQuery(db, q)
    .where((eb) =>
      eb(
        eb.refTuple('charges.created_at', 'charges.id'),
        '>',
        eb.tuple(before.createdAt, before.id),
      ),
    )
    .orderBy('charges.created_at', 'asc')
    .orderBy('charges.id', 'asc')
    .limit(limit)
    .execute()
  return rows.map(toRow).reverse()
}

const keyOf = (r: ChargeListRow) => encodeCursor({ createdAt: r.createdAt, id: r.id })

/** One page of the list. One extra row is read to know whether there is another page that way. */
export async function listCharges(
  q: ChargeQuery,
  page: PageRequest,
  opts: { limit?: number; db?: Kysely<Database> } = {},
): Promise<ChargePage> {
  const limit = opts.limit ?? PAGE_SIZE
  const db = opts.db ?? getDb()
  if (page.kind === 'before') {
    const rows = await listNewer(q, page.cursor, limit + 1, db)
    const more = rows.length > limit
    const shown = more ? rows.slice(1) : rows
    // Came back from an older page: there is an older page unless everything was deleted meanwhile.
    const last = shown.at(-1)
    return {
      rows: shown,
      newer: more && shown[0] ? keyOf(shown[0]) : null,
      older: last ? keyOf(last) : null,
    }
  }
  const rows = await listOlder(q, page.kind === 'after' ? page.cursor : null, limit + 1, db)
  const more = rows.length > limit
  const shown = more ? rows.slice(0, limit) : rows
  const first = shown[0]
  const last = shown.at(-1)
  return {
    rows: shown,
    older: more && last ? keyOf(last) : null,
    newer: page.kind === 'after' && first ? keyOf(first) : null,
  }
}
