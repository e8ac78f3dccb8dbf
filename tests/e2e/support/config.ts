// Ports can be moved (E2E_PORT, E2E_SANDBOX_PORT) so two suites can run side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 3100)
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4110)

/** Where the end-to-end server and its DMS sandbox listen (kept apart from a running demo). */
export const E2E = {
  port,
  sandboxPort,
  baseUrl: `http://127.0.0.1:${port}`,
  sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
  password: 'demo1234',
  /** Each suite's own data folder, so side-by-side runs don't wipe each other. */
  dataDir: `data/e2e-${port}`,
} as const

export const ROLE_USERS = { cashier: 'cashier', manager: 'manager', admin: 'admin' } as const
export type E2ERole = keyof typeof ROLE_USERS

export const storageStateFor = (role: E2ERole) => `test-results/.auth/${E2E.port}-${role}.json`
