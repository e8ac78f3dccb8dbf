import 'server-only'
import { stringify } from 'csv-stringify'
import type { Kysely } from 'kysely'
import { Readable, pipeline } from 'node:stream'
import { getDb } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import type { PayWay } from '@/lib/dms/types'
import { fenToYuanText } from '@/lib/money'
import type { SayFailure } from '../failure'
import type { ChargeStatus } from '../status'
import type { Cursor } from './cursor'
import { asText, beijingTimeText, failureReason, neutralise, type SaySystemText } from './csv-cells'
import type { ChargeQuery } from './filters'
import { listOlder, type ChargeListRow } from './list'

export const CSV_COLUMNS = [
  'createdAt',
  'bill',
  'amountYuan',
  'amountFen',
  'payWay',
  'status',
  'station',
  'cashier',
  'paidAt',
  'paidAfterCancel',
  'bizOrderNo',
  'orderNo',
  'chargeId',
  'failureReason',
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]

/** The words of the file, in the manager's language. */
export interface CsvLabels {
  header: (column: CsvColumn) => string
  status: (status: ChargeStatus) => string
  payWay: (payWay: PayWay) => string
  /** `manager.failure`: a failed charge's reason, as its detail page says it. */
  failure: SayFailure
  /** `manager.systemText`: a note of our DMS client's, as the detail page says it. */
  systemText: SaySystemText
  yes: string
}

export const EXPORT_PAGE_SIZE = 1000

export function csvRecord(r: ChargeListRow, l: CsvLabels): string[] {
  return [
    beijingTimeText(r.createdAt),
    asText(r.bzOrder),
    fenToYuanText(r.amountFen),
    String(r.amountFen),
    neutralise(l.payWay(r.payWay)),
    neutralise(l.status(r.status)),
    neutralise(r.stationName ?? ''),
    neutralise(r.cashierName ?? ''),
    beijingTimeText(r.paidAt),
    r.paidAfterCancel ? l.yes : '',
    asText(r.bizOrderNo),
    asText(r.orderNo),
    asText(r.id),
    failureReason(r, l.failure, l.systemText),
  ]
}

/** Every row of the filtered set, one keyset page at a time: only one page is ever in memory. */
export async function* exportRows(
  q: ChargeQuery,
  db: Kysely<Database>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<ChargeListRow> {
  let after: Cursor | null = null
  for (;;) {
    const rows = await listOlder(q, after, pageSize, db)
    yield* rows
    const last = rows.at(-1)
    if (!last || rows.length < pageSize) return
    after = { createdAt: last.createdAt, id: last.id }
  }
}

/**
 * The filtered set as a UTF-8 CSV (with a BOM, so Excel reads the Chinese right) in a web stream.
 * Rows flow database → csv-stringify → response as the client reads: the next page is fetched only
 * when csv-stringify has room, and a client that goes away cancels the stream, which ends the query
 * loop. Memory stays at about one page however many rows there are.
 */
export function exportChargesCsv(
  q: ChargeQuery,
  labels: CsvLabels,
  opts: { db?: Kysely<Database>; pageSize?: number } = {},
): ReadableStream<Uint8Array> {
  const db = opts.db ?? getDb()
  async function* records() {
    for await (const row of exportRows(q, db, opts.pageSize)) yield csvRecord(row, labels)
  }
  const csv = stringify({
    bom: true,
    header: true,
    columns: CSV_COLUMNS.map((c) => labels.header(c)),
    record_delimiter: 'windows',
  })
  pipeline(Readable.from(records()), csv, (err) => {
    if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE')
      console.error('charges export failed', err)
  })
  const reader = csv[Symbol.asyncIterator]()
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = (await reader.next()) as IteratorResult<Buffer | string>
      if (done) controller.close()
      else
        controller.enqueue(
          typeof value === 'string' ? encoder.encode(value) : new Uint8Array(value),
        )
    },
    async cancel() {
      csv.destroy()
    },
  })
}
