/*
 * Stations and their customer tablets from the command line; works while the server runs on the
 * same database.
 *   npm run station -- add <name> [--base-url <url>]    a new station and a pairing URL for its tablet
 *   npm run station -- pair <station name or id> [--base-url <url>]
 *   npm run station -- list
 * The pairing URL works once, for 10 minutes; --base-url defaults to http://localhost:$PORT.
 * Every change is recorded in the audit log with the actor "cli".
 */
import { parseArgs } from 'node:util'
import { runCli, UsageError } from './cli/run-cli'
import { CLI_ACTOR } from '@/lib/audit/types'
import { ensureDatabase } from '@/lib/db/migrate'
import { PAIRING_CODE_TTL_MS } from '@/lib/display/constants'
import { stationDisplayStatus } from '@/lib/display/heartbeat'
import { createPairingCode } from '@/lib/display/pairing'
import { formatPairingCode } from '@/lib/display/pairing-code'
import type { DisplayStatusSummary } from '@/lib/display/types'
import { cliEnv } from '@/lib/env'
import { StationError } from '@/lib/stations/errors'
import { createStation, listStations } from '@/lib/stations/repo'
import type { Station } from '@/lib/stations/schema'

const USAGE = `usage:
  station add <name> [--base-url <url>]
  station pair <station name or id> [--base-url <url>]
  station list`

function baseUrl(value: string | undefined): string {
  const url = value ?? `http://localhost:${cliEnv().port}`
  if (!/^https?:\/\/[^/\s]+/.test(url)) {
    throw new UsageError(`--base-url must be an http(s) URL, e.g. http://192.168.1.10:3000`)
  }
  return url.replace(/\/+$/, '')
}

async function findStation(ref: string): Promise<Station> {
  const stations = await listStations()
  const found = stations.find((s) => s.id === ref) ?? stations.find((s) => s.name === ref.trim())
  if (!found) throw new UsageError(`no station "${ref}" (see: station list)`)
  return found
}

async function printPairing(station: Station, base: string) {
  const code = await createPairingCode(station.id, CLI_ACTOR)
  if (!code) throw new UsageError(`no station "${station.id}"`)
  const minutes = Math.round(PAIRING_CODE_TTL_MS / 60_000)
  console.log(`Pairing URL (works once, for ${minutes} minutes; open it on the tablet):`)
  console.log(`  ${base}/pair/${code.code}`)
  console.log(
    `or open ${base}/display on the tablet and enter the code ${formatPairingCode(code.code)}`,
  )
}

function screenText(s: DisplayStatusSummary): string {
  if (s.tablets === 0) return '-'
  if (s.live) return `${s.tablets} tablet(s), live`
  if (s.offlineForSec === null) return `${s.tablets} tablet(s), never connected`
  return `${s.tablets} tablet(s), offline for ${s.offlineForSec} s`
}

async function printList() {
  const stations = await listStations()
  if (stations.length === 0) return console.log('No stations yet. Add one with: station add <name>')
  const now = Date.now()
  const rows = await Promise.all(
    stations.map(async (s) => [s.name, s.id, screenText(await stationDisplayStatus(s.id, now))]),
  )
  const head = ['NAME', 'ID', 'CUSTOMER SCREEN']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '))
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'base-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  const [command, ...rest] = positionals
  if (values.help || !command) return console.log(USAGE)
  // A name may contain spaces ("前台 2") and arrive unquoted: join the words back.
  const arg = rest.join(' ')
  await ensureDatabase()
  switch (command) {
    case 'add': {
      if (!arg) throw new UsageError('missing station name')
      const base = baseUrl(values['base-url'])
      const station = await createStation(arg, CLI_ACTOR)
      console.log(`Added station "${station.name}" (id ${station.id}).`)
      return printPairing(station, base)
    }
    case 'pair': {
      if (!arg) throw new UsageError('missing station name or id')
      const base = baseUrl(values['base-url'])
      const station = await findStation(arg)
      console.log(`Station "${station.name}" (id ${station.id}).`)
      return printPairing(station, base)
    }
    case 'list':
      if (arg) throw new UsageError(`unexpected argument "${arg}"`)
      return printList()
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

await runCli(() => run(process.argv.slice(2)), USAGE, [StationError])
