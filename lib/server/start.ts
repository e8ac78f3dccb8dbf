import 'server-only'
import { env } from '@/lib/env'
import { ensureDatabase } from '@/lib/db'
import { ensureDefaultStation } from '@/lib/stations'
import { startSweep } from '@/lib/charges/sweep'
import { endAllStreams } from '@/lib/feed/sse'
import { startFeed } from '@/lib/feed/pg-feed'
import { installClientAddressStamp } from './client-address'

/**
 * Start-up: validate the configuration (a bad value stops the server with the variable's name; no
 * DMS_BASE_URL without DMS_SANDBOX=1 stops it with what to set), learn each request's client
 * address from its socket (lib/server/client-address.ts), apply migrations, make sure a fresh
 * install has its first station, start the sweep that reconciles charges nobody is watching, and
 * start the change feed the screens subscribe to (lib/feed). Runs from instrumentation.ts, which
 * `next start` (and `next dev`) awaits before serving the first request.
 */
export async function startCashierServices(): Promise<void> {
  // Benchmarks and supervisors find the server process by this name (bench/support/proc.ts).
  process.title = 'cashier-server'
  let config
  try {
    config = env()
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
  installClientAddressStamp(config.trustedProxies)
  await ensureDatabase()
  await ensureDefaultStation()
  startSweep()
  startFeed()
  process.once('SIGTERM', shutDown)
  process.once('SIGINT', shutDown)
}

/** How long a request still in flight at shutdown gets before the process goes anyway. */
const SHUTDOWN_GRACE_MS = 3_000

/**
 * Next's own SIGTERM/SIGINT handler stops accepting connections and exits once every request has
 * finished. The screens' streams never finish by themselves: they end now. A browser whose
 * keep-alive connection stays open (it goes on polling on it) would still hold the process, so a
 * request in flight gets a moment and a connection kept open forever does not.
 */
function shutDown(): void {
  endAllStreams()
  setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref()
}
