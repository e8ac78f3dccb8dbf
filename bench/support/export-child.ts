/*
 * Run by bench/export-memory.ts in a process of its own, so that the RSS it reports is the export's
 * alone: streams exportChargesCsv over every charge of EXPORT_DB (SQLite) into a counting sink while
 * a worker thread samples process.memoryUsage().rss every 50 ms. Prints one JSON line.
 */
import { readFileSync } from 'node:fs'
import { exportChargesCsv, type CsvLabels } from '@/lib/charges/queries/export-csv'
import { EMPTY_FILTER, toChargeQuery } from '@/lib/charges/queries/filters'
import { listOlder } from '@/lib/charges/queries/list'
import { createDb } from '@/lib/db'
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
const csv = messages('manager').csv as { yes: string; columns: Record<string, string> }
const status = messages('status') as Record<string, string>
const payWay = messages('payWay') as Record<string, string>
const labels: CsvLabels = {
  header: (c) => csv.columns[c]!,
  status: (s) => status[s]!,
  payWay: (w) => payWay[w]!,
  yes: csv.yes,
}

const { db } = createDb({ sqlitePath: process.env.EXPORT_DB! })
const query = toChargeQuery(EMPTY_FILTER, Date.now())
// Warm: modules loaded, the connection open, the query planned once. What remains is the export's.
await listOlder(query, null, 10, db)
const sampler = await startRssWorker(50)
;(globalThis as { gc?: () => void }).gc?.()
const baseline = process.memoryUsage().rss
const t0 = performance.now()
const { bytes, lines } = await countLines(exportChargesCsv(query, labels, { db }))
const ms = performance.now() - t0
const { peak, samples } = await sampler.stop()
await db.destroy()
const result: ExportChildResult = { baseline, peak, bytes, rows: lines - 1, ms, samples }
console.log(JSON.stringify(result))
