/**
 * The secrets the e2e server runs with (playwright.config.ts passes them in). Kept in one place so
 * secrets.spec.ts can prove that none of them ever reaches a browser. The DMS token is set for both
 * the cashier and the sandbox, and distinctive, so a leak cannot hide behind a common word.
 */
export const E2E_SECRETS = {
  authSecret: 'e2e-auth-secret-that-is-long-enough-123456',
  notifySecret: 'e2e-notify-secret-0123456789',
  dmsToken: 'e2e-dms-token-5f1c9a7e3b20d8',
} as const
