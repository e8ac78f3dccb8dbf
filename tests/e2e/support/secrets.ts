/**
 * The secrets the e2e server runs with (playwright.config.ts passes them in) and its build is made
 * with (tests/e2e/build.ts). Kept in one place so secrets.spec.ts can prove that none of them ever
 * reaches a browser. The DMS token is set for both the cashier and the sandbox, and distinctive, so
 * a leak cannot hide behind a common word.
 */
export const E2E_SECRETS = {
  authSecret: 'e2e-auth-secret-that-is-long-enough-123456',
  notifySecret: 'e2e-notify-secret-0123456789',
  dmsToken: 'e2e-dms-token-5f1c9a7e3b20d8',
} as const

/** The same secrets as the variables the server (and a build) reads them from. */
export const E2E_SECRET_ENV = {
  AUTH_SECRET: E2E_SECRETS.authSecret,
  DMS_NOTIFY_SECRET: E2E_SECRETS.notifySecret,
  DMS_TOKEN: E2E_SECRETS.dmsToken,
  SANDBOX_TOKEN: E2E_SECRETS.dmsToken,
} as const
