import 'server-only'
import { env } from '@/lib/env'
import { ensureDatabase } from '@/lib/db'
import { ensureDefaultStation } from '@/lib/stations'
import { startSweep } from '@/lib/charges/sweep'
import { registerPollHandler } from '@/lib/polling/register'
import { installClientAddressStamp } from './client-address'

/**
 * Start-up: validate the configuration (a bad value stops the server with the variable's name; no
 * DMS_BASE_URL without DMS_SANDBOX=1 stops it with what to set), learn each request's client
 * address from its socket (lib/server/client-address.ts), apply migrations, make sure a fresh install has its first station, then start the sweep that
 * reconciles charges nobody is watching, and offer the poll answers to the production server.
 */
export async function startServer(): Promise<void> {
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
  registerPollHandler()
}
