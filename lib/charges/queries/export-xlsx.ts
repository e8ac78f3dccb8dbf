import 'server-only'
import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import { once } from 'node:events'
import { PassThrough } from 'node:stream'
import { getDb } from '@/lib/db'
import type { Database } from '@/lib/db/schema'
import { BEIJING_OFFSET_MS } from '../beijing-day'
import { CSV_COLUMNS, exportRows, type CsvColumn, type CsvLabels } from './export-csv'
import { failureReason } from './csv-cells'
import type { ChargeQuery } from './filters'
import type { ChargeListRow } from './list'

/*
 * The same filtered set as the CSV, as an .xlsx a spreadsheet opens as-is: ids and bills are text
 * cells (a 19-digit DMS id stays exact, 0007 keeps its zeros), amounts are numbers shown with two
 * decimals, times are date cells in Beijing wall time. Text cells are never formulas in .xlsx, so
 * nothing needs an apostrophe. Written by ExcelJS's streaming writer, one page of rows at a time.
 */

/** Spreadsheet dates carry no time zone: the cell holds the Beijing wall time. */
const beijingDate = (at: number | null) => (at === null ? null : new Date(at + BEIJING_OFFSET_MS))

const WIDTH: Partial<Record<CsvColumn, number>> = {
  createdAt: 20,
  paidAt: 20,
  bill: 22,
  bizOrderNo: 22,
  orderNo: 22,
  chargeId: 38,
  failureReason: 30,
}
/**
 * Excel's own format code for a date-time cell, every time column's: without AM/PM its hh is a
 * 24-hour clock, the one the screens read.
 */
const EXCEL_DATE_TIME = 'yyyy-mm-dd hh:mm:ss'
const FORMAT: Partial<Record<CsvColumn, string>> = {
  createdAt: EXCEL_DATE_TIME,
  paidAt: EXCEL_DATE_TIME,
  amountYuan: '0.00',
  amountFen: '0',
}

export function xlsxRecord(r: ChargeListRow, l: CsvLabels): Array<string | number | Date | null> {
  return [
    beijingDate(r.createdAt),
    r.bzOrder,
    r.amountFen / 100,
    r.amountFen,
    l.payWay(r.payWay),
    l.status(r.status),
    r.stationName ?? '',
    r.cashierName ?? '',
    beijingDate(r.paidAt),
    r.paidAfterCancel ? l.yes : '',
    r.bizOrderNo,
    r.orderNo,
    r.id,
    // The CSV's reason with its formula guard undone: an .xlsx text cell is never run.
    failureReason(r, l.failure, l.systemText).replace(/^'/, ''),
  ]
}

/** The filtered set as an .xlsx in a web stream; memory stays at about one page of rows. */
export function exportChargesXlsx(
  q: ChargeQuery,
  labels: CsvLabels & { sheet: string },
  opts: { db?: Kysely<Database>; pageSize?: number } = {},
): ReadableStream<Uint8Array> {
  const db = opts.db ?? getDb()
  const out = new PassThrough()
  let cancelled = false
  async function write() {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    })
    const sheet = book.addWorksheet(labels.sheet, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = CSV_COLUMNS.map((c) => ({
      header: labels.header(c),
      key: c,
      width: WIDTH[c] ?? 12,
      style: FORMAT[c] ? { numFmt: FORMAT[c] } : {},
    }))
    let n = 0
    for await (const row of exportRows(q, db, opts.pageSize)) {
      if (cancelled) return
      sheet.addRow(xlsxRecord(row, labels)).commit()
      // Wait for the reader when it is behind: rows are not piled up in memory.
      if (++n % 500 === 0 && out.writableNeedDrain) {
        await Promise.race([once(out, 'drain'), once(out, 'close')])
      }
    }
    sheet.commit()
    await book.commit()
  }
  write().catch((err: unknown) => {
    console.error('charges xlsx export failed', err)
    out.destroy(err instanceof Error ? err : new Error(String(err)))
  })
  const reader = out[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = (await reader.next()) as IteratorResult<Buffer>
      if (done) controller.close()
      else controller.enqueue(new Uint8Array(value))
    },
    async cancel() {
      cancelled = true
      out.destroy()
    },
  })
}
