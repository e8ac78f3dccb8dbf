import { busyPortMessage, freePortSync, portInUseSync } from '../../support/ports'
import { newRunToken } from '../../support/run-token'

/*
 * Where the end-to-end server and its DMS sandbox listen, and the token it must answer on
 * /api/health. Picked once per run by the runner (playwright.config.ts loads this first): free ports
 * unless E2E_PORT / E2E_SANDBOX_PORT name them (then a busy port stops the run), and a new token;
 * the workers inherit all three through the environment, so every process of the run agrees.
 */
const env = process.env
// Ports the person running the suite named: checked once, by the runner, before its server starts
// (the workers inherit E2E_PORTS_CHECKED, and by then the ports are rightly taken by that server).
if (env.E2E_PORTS_CHECKED !== '1') {
  for (const variable of ['E2E_PORT', 'E2E_SANDBOX_PORT'] as const) {
    const named = env[variable]
    if (named && portInUseSync(Number(named))) {
      throw new Error(busyPortMessage(Number(named), 'end-to-end run', variable))
    }
  }
  env.E2E_PORTS_CHECKED = '1'
}
env.E2E_PORT ??= String(freePortSync())
while (!env.E2E_SANDBOX_PORT || env.E2E_SANDBOX_PORT === env.E2E_PORT) {
  env.E2E_SANDBOX_PORT = String(freePortSync())
}
env.E2E_RUN_TOKEN ??= newRunToken()

const port = Number(env.E2E_PORT)
const sandboxPort = Number(env.E2E_SANDBOX_PORT)

export const E2E = {
  port,
  sandboxPort,
  baseUrl: `http://127.0.0.1:${port}`,
  sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
  runToken: env.E2E_RUN_TOKEN,
  password: 'demo1234',
  /** This run's own data folder (the port is this run's), removed when the run ends. */
  dataDir: `data/e2e-${port}`,
} as const

export const ROLE_USERS = { cashier: 'cashier', manager: 'manager', admin: 'admin' } as const
export type E2ERole = keyof typeof ROLE_USERS

export const storageStateFor = (role: E2ERole) => `test-results/.auth/${E2E.port}-${role}.json`
