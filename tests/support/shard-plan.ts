import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'

/*
 * Which spec files each end-to-end shard runs. Playwright's `--shard=i/n` deals tests by count, so
 * one shard drew the long specs and ended minutes after the other. Here the specs are dealt by
 * their measured time (tests/e2e/durations.json): longest first, each to the shard with the least so
 * far. A spec with no figure yet counts as the longest one known, so a new spec cannot go unnoticed
 * into a full shard. `npx tsx tests/support/shard-plan.ts record <report.json…>` rewrites the
 * figures from Playwright JSON reports (PLAYWRIGHT_JSON_OUTPUT_FILE, `--reporter=json`).
 *
 *   tsx tests/support/shard-plan.ts plan 2   one line per shard: its spec files
 */

export const SPEC_DIR = 'tests/e2e'
export const DURATIONS_FILE = `${SPEC_DIR}/durations.json`

export type Durations = Record<string, number>

export interface Shard {
  specs: string[]
  seconds: number
}

export function planShards(specs: string[], durations: Durations, shards: number): Shard[] {
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`shards must be ≥ 1, got ${shards}`)
  const known = Object.values(durations)
  const unknownCost = known.length ? Math.max(...known) : 1
  const cost = (spec: string) => durations[spec] ?? unknownCost
  const plan: Shard[] = Array.from({ length: shards }, () => ({ specs: [], seconds: 0 }))
  // Longest first; ties by name so every machine draws the same plan.
  const ordered = [...specs].sort((a, b) => cost(b) - cost(a) || a.localeCompare(b))
  for (const spec of ordered) {
    const lightest = plan.reduce((min, shard) => (shard.seconds < min.seconds ? shard : min))
    lightest.specs.push(spec)
    lightest.seconds += cost(spec)
  }
  for (const shard of plan) shard.specs.sort()
  return plan.filter((shard) => shard.specs.length > 0)
}

interface ReportResult {
  startTime: string
  duration: number
}

interface ReportSuite {
  file?: string
  suites?: ReportSuite[]
  specs?: { file: string; tests: { results: ReportResult[] }[] }[]
}

interface Report {
  stats: { startTime: string; duration: number }
  suites: ReportSuite[]
}

/**
 * Seconds per spec file, from Playwright JSON reports (one per shard). A result's `duration` leaves
 * out its hooks and fixtures: a spec whose worker-scoped fixture starts a server, or whose beforeAll
 * builds a world, recorded a fraction of its time (status-push 12 s against 44 s). So a file counts
 * from its first test's start to the next file's first test's start in the same report (its
 * worker fixtures, beforeAll, tests and afterAll all fall in between), the last file of a report
 * to the report's end; a file split over several reports adds its parts.
 */
export function durationsFromReports(reports: Report[]): Durations {
  const ms: Record<string, number> = {}
  for (const report of reports) {
    const starts: { file: string; at: number }[] = []
    const walk = (suite: ReportSuite) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests) {
          for (const result of test.results) {
            starts.push({ file: basename(spec.file), at: Date.parse(result.startTime) })
          }
        }
      }
      suite.suites?.forEach(walk)
    }
    report.suites.forEach(walk)
    starts.sort((a, b) => a.at - b.at)
    // One run of consecutive results per file: a worker runs one file to its end before the next.
    const runs = starts.filter((s, i) => i === 0 || starts[i - 1]!.file !== s.file)
    const end = Date.parse(report.stats.startTime) + report.stats.duration
    runs.forEach((run, i) => {
      const until = runs[i + 1]?.at ?? end
      ms[run.file] = (ms[run.file] ?? 0) + (until - run.at)
    })
  }
  return Object.fromEntries(
    Object.entries(ms)
      .filter(([file]) => file.endsWith('.spec.ts'))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, total]) => [file, Math.round(total / 1000)]),
  )
}

export function specFiles(dir = SPEC_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.spec.ts'))
    .sort()
}

function main(argv: string[]): void {
  const [command, ...rest] = argv
  if (command === 'plan') {
    const durations = JSON.parse(readFileSync(DURATIONS_FILE, 'utf8')) as Durations
    for (const shard of planShards(specFiles(), durations, Number(rest[0] ?? 2))) {
      console.log(shard.specs.map((spec) => `${SPEC_DIR}/${spec}`).join(' '))
    }
  } else if (command === 'record' && rest.length) {
    const reports = rest.map((file) => JSON.parse(readFileSync(file, 'utf8')))
    writeFileSync(DURATIONS_FILE, `${JSON.stringify(durationsFromReports(reports), null, 2)}\n`)
    console.log(`wrote ${DURATIONS_FILE}`)
  } else {
    console.error('usage: shard-plan.ts plan <shards> | record <playwright-report.json…>')
    process.exit(2)
  }
}

if (process.argv[1]?.endsWith('shard-plan.ts')) main(process.argv.slice(2))
