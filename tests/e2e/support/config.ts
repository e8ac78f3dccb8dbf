/** Where the end-to-end server and its DMS sandbox listen (kept apart from a running demo). */
export const E2E = {
  port: 3100,
  sandboxPort: 4110,
  baseUrl: 'http://127.0.0.1:3100',
  sandboxUrl: 'http://127.0.0.1:4110',
  password: 'demo1234',
} as const

export const ROLE_USERS = { cashier: 'cashier', manager: 'manager', admin: 'admin' } as const
export type E2ERole = keyof typeof ROLE_USERS

export const storageStateFor = (role: E2ERole) => `test-results/.auth/${role}.json`
