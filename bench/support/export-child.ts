/*
 * Run by bench/export-memory.ts in a process of its own, so that the RSS it reports is the export's
 * alone: streams exportChargesCsv (EXPORT_FORMAT=csv) or exportChargesXlsx (xlsx) over every charge
 * of EXPORT_DB (SQLite) while a worker thread samples process.memoryUsage().rss every 50 ms. The
 * CSV goes into a counting sink; the .xlsx into a file that, once the sampling stopped, an ExcelJS
 * reader walks to count its rows. Prints one JSON line.
 */
import ExcelJS from 'exceljs'
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { exportChargesCsv, type CsvLabels } from '@/lib/charges/queries/export-csv'
import { exportChargesXlsx } from '@/lib/charges/queries/export-xlsx'
import { EMPTY_FILTER, toChargeQuery } from '@/lib/charges/queries/filters'
import { listOlder } from '@/lib/charges/queries/list'
import { createDb } from '@/lib/db'
import { sayFailure, saySystemText } from '@/tests/support/failure-words'
import { countLines, startRssWorker } from './memory'

export interface ExportChildResult {
  baseline: number
  peak: number
  bytes: number
  rows: number
  ms: number
  samples: number
}

const messages = (ns: string) =>
  JSON.parse(readFileSync(`messages/zh-CN/${ns}.json`, 'utf8')) as Record<string, unknown>

// The route's labels, in the default language (Chinese headers and statuses, as a shop gets them).
const csv = messages('manager').csv as {
  yes: string
  sheet: string
  columns: Record<string, string>
}
const status = messages('status') as Record<string, string>
const payWay = messages('payWay') as Record<string, string>
const labels: CsvLabels = {
  header: (c) => csv.columns[c]!,
  status: (s) => status[s]!,
  payWay: (w) => payWay[w]!,
  failure: sayFailure('zh-CN'),
  systemText: saySystemText('zh-CN'),
  yes: csv.yes,
}

const { db } = createDb({ sqlitePath: process.env.EXPORT_DB! })
const query = toChargeQuery(EMPTY_FILTER, Date.now())
// Warm: modules loaded, the connection open, the query planned once. What remains is the export's.
await listOlder(query, null, 10, db)
const sampler = await startRssWorker(50)
;(globalThis as { gc?: () => void }).gc?.()
const baseline = process.memoryUsage().rss
const xlsx = process.env.EXPORT_FORMAT === 'xlsx'
const dir = mkdtempSync(join(tmpdir(), 'cashier-xlsx-'))
const file = join(dir, 'export.xlsx')

/** Streams the .xlsx into a file, counting its bytes. */
async function toFile(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0
  await stream
    .pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, c) {
          bytes += chunk.byteLength
          c.enqueue(chunk)
        },
      }),
    )
    .pipeTo(Writable.toWeb(createWriteStream(file)))
  return bytes
}

/** The data rows of the written file, read back by ExcelJS's streaming reader. */
async function xlsxRows(): Promise<number> {
  let rows = 0
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, {})) {
    for await (const row of sheet) if (row.number > 1) rows++
  }
  return rows
}

const t0 = performance.now()
const written = xlsx
  ? {
      bytes: await toFile(exportChargesXlsx(query, { ...labels, sheet: csv.sheet }, { db })),
      lines: 0,
    }
  : await countLines(exportChargesCsv(query, labels, { db }))
const ms = performance.now() - t0
const { peak, samples } = await sampler.stop()
const rows = xlsx ? await xlsxRows() : written.lines - 1
rmSync(dir, { recursive: true, force: true })
await db.destroy()
const result: ExportChildResult = { baseline, peak, bytes: written.bytes, rows, ms, samples }
console.log(JSON.stringify(result))
