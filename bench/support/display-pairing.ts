import { execFileSync } from 'node:child_process'
import { DEFAULT_STATION_NAME } from '@/lib/stations/schema'

/**
 * Pairs a "tablet" with the default station the way a shop does: a pairing code from the command
 * line (`npm run station -- pair`), redeemed by POSTing it to /api/display/pair. Returns the device
 * cookie the tablet then polls with.
 */
export async function pairDisplay(baseUrl: string, sqlitePath: string): Promise<string> {
  const out = execFileSync(
    'node_modules/.bin/tsx',
    [
      '--conditions=react-server',
      'scripts/station.ts',
      'pair',
      DEFAULT_STATION_NAME,
      '--base-url',
      baseUrl,
    ],
    { env: { ...process.env, SQLITE_PATH: sqlitePath }, encoding: 'utf8' },
  )
  const code = /\/pair\/([A-Za-z0-9-]+)/.exec(out)?.[1]
  if (!code) throw new Error(`no pairing code in:\n${out}`)
  const res = await fetch(`${baseUrl}/api/display/pair`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ code }),
  })
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';', 1)[0]!)
    .find((c) => c.startsWith('cashier_display=') && c.length > 'cashier_display='.length)
  if (!cookie)
    throw new Error(`pairing refused: HTTP ${res.status} → ${res.headers.get('location')}`)
  return cookie
}
