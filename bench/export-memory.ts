/*
 * Memory of the streamed exports: EXPORT_ROWS charges (default 100,000) exported whole.
 *  1. In a child process of its own (so the RSS is the export's), for each format: exportChargesCsv
 *     into a counting sink, and exportChargesXlsx into a file read back to count its rows; RSS
 *     sampled every 50 ms.
 *  2. Over HTTP: GET /api/charges/export as a manager, from the production build on a database
 *     seeded beforehand, the app server process's RSS sampled every 50 ms (EXPORT_HTTP=0 skips).
 * Target: RSS growth (peak − baseline) ≤ 150 MB. For information: rows/s, and over HTTP how long
 * /api/health takes meanwhile (the rest of the app shares the event loop). Only errors fail the run.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { ExportChildResult } from './support/export-child'
import { probeLatency } from './support/latency-probe'
import { countLines, MiB, samplePeak } from './support/memory'
import { appServerPid, rssMiB } from './support/proc'
import { seedSqlite } from './support/scale-seed'
import { startAppServer } from '@/tests/support/app-server'
import { signInWithFetch } from './support/session'
import { fmt, verdict } from './support/stats'
import { sleep } from '@/tests/support/wait'

const ROWS = Number(process.env.EXPORT_ROWS ?? 100_000)
const TARGET_MB = 150

interface Figures {
  baselineMiB: number
  peakMiB: number
  rows: number
  bytes: number
  ms: number
}

function report(label: string, f: Figures): void {
  const growth = f.peakMiB - f.baselineMiB
  console.log(`${label}: ${f.rows.toLocaleString('en')} rows, ${fmt(f.bytes / MiB, 1)} MiB written`)
  console.log(
    `  RSS baseline ${fmt(f.baselineMiB, 1)} MiB, peak ${fmt(f.peakMiB, 1)} MiB, growth ${fmt(growth, 1)} MiB = ${fmt(growth / TARGET_MB)}× the ${TARGET_MB} MB target: ${verdict(growth <= TARGET_MB)}`,
  )
  console.log(
    `  ${Math.round(f.rows / (f.ms / 1000)).toLocaleString('en')} rows/s (${fmt(f.ms / 1000, 1)} s)`,
  )
  if (f.rows !== ROWS) throw new Error(`${label}: exported ${f.rows} rows, expected ${ROWS}`)
}

async function inChildProcess(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cashier-export-'))
  try {
    const path = join(dir, 'cashier.db')
    await seedSqlite(path, ROWS, Date.now())
    for (const format of ['csv', 'xlsx'] as const) {
      // --expose-gc: the child collects garbage before its baseline, so the baseline is what it holds.
      const { stdout } = await promisify(execFile)(
        'node_modules/.bin/tsx',
        ['--expose-gc', '--conditions=react-server', 'bench/support/export-child.ts'],
        { env: { ...process.env, EXPORT_DB: path, EXPORT_FORMAT: format }, maxBuffer: 1024 * 1024 },
      )
      const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as ExportChildResult
      const name = format === 'csv' ? 'exportChargesCsv' : 'exportChargesXlsx'
      report(`${name} in a child process (${r.samples} samples)`, {
        baselineMiB: r.baseline / MiB,
        peakMiB: r.peak / MiB,
        rows: r.rows,
        bytes: r.bytes,
        ms: r.ms,
      })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function overHttp(): Promise<void> {
  // A folder of this run's own (the server would make one, but the charges go in first); start-up
  // then adds the demo logins and station next to them (keepData).
  mkdirSync('data/runs', { recursive: true })
  const dataDir = mkdtempSync('data/runs/bench-export-')
  await seedSqlite(`${dataDir}/cashier.db`, ROWS, Date.now())
  const server = await startAppServer({ name: 'bench-export', dataDir, keepData: true })
  try {
    const cookie = await signInWithFetch(server.baseUrl, 'manager')
    const exportCsv = (query = '') =>
      fetch(`${server.baseUrl}/api/charges/export${query}`, { headers: { cookie } }).then((res) => {
        if (!res.ok || !res.body) throw new Error(`export: HTTP ${res.status}`)
        return countLines(res.body)
      })
    const pid = appServerPid(server.pgid)
    if (!pid) throw new Error('no app server process (cashier-server) in the group')
    await exportCsv('?q=NO-SUCH-BILL') // the route compiled and loaded, its modules warm
    const idle = probeLatency(`${server.baseUrl}/api/health`)
    await sleep(2_000)
    const before = await idle.stop()
    const baselineMiB = rssMiB(pid)
    const sampler = samplePeak(() => rssMiB(pid), 50)
    const health = probeLatency(`${server.baseUrl}/api/health`)
    const t0 = performance.now()
    const { bytes, lines } = await exportCsv()
    const ms = performance.now() - t0
    const { peak, samples } = sampler.stop()
    const probe = await health.stop()
    report(`GET /api/charges/export, app server RSS (${samples} samples)`, {
      baselineMiB,
      peakMiB: peak,
      rows: lines - 1,
      bytes,
      ms,
    })
    // Not a target of its own: whether the rest of the app (tablets, cashier screens) stalls meanwhile.
    console.log(
      `  /api/health meanwhile: p95 ${fmt(probe.p95, 0)} ms, max ${fmt(probe.max, 0)} ms (${probe.count} requests; before the export: p95 ${fmt(before.p95, 0)} ms, max ${fmt(before.max, 0)} ms)`,
    )
  } finally {
    await server.stop({ removeData: true })
  }
}

export async function run(): Promise<void> {
  await inChildProcess()
  if (process.env.EXPORT_HTTP !== '0') await overHttp()
}
