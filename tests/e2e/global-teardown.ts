import { rmSync } from 'node:fs'
import { E2E } from './support/config'

/** The run's data folder and saved sessions are its own (see support/config.ts): nothing reuses them. */
export default function globalTeardown() {
  if (process.env.KEEP_DATA === '1') return
  rmSync(E2E.dataDir, { recursive: true, force: true })
  for (const role of ['cashier', 'manager', 'admin'])
    rmSync(`test-results/.auth/${E2E.port}-${role}.json`, { force: true })
}
