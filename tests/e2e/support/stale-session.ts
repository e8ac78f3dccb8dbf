import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { E2E } from './config'
import { LoginPage } from './login-page'
import { addUser, userRow } from './users-page'
import { waitForHydration } from '@/tests/support/hydration'

/*
 * A staff session that an admin has since ended without the person signing out: by resetting the
 * password, changing the role, disabling (and enabling again) the account, or "sign out everywhere".
 * The browser still holds a validly sealed session cookie; the app must treat it as no session.
 */

export const SESSION_ENDINGS = [
  'password-reset',
  'role-change',
  'disable',
  'sign-out-everywhere',
] as const
export type SessionEnding = (typeof SESSION_ENDINGS)[number]

const PASSWORD = 'stale-session-pass-1'

async function end(adminPage: Page, username: string, how: SessionEnding) {
  await adminPage.goto('/admin/users')
  const row = userRow(adminPage, username)
  await waitForHydration(row)
  if (how === 'password-reset') {
    await row.locator('summary').click()
    await row.locator('input[name=password]').fill('another-pass-42')
    await row.getByTestId('reset-password').click()
    await expect(row.getByTestId('user-row-done')).toBeVisible()
  } else if (how === 'role-change') {
    await row.locator('select[name=role]').selectOption('manager')
    await row.getByTestId('change-role').click()
    await expect(row).toHaveAttribute('data-role', 'manager')
  } else if (how === 'disable') {
    await row.getByTestId('disable-user').click()
    await expect(row).toHaveAttribute('data-status', 'disabled')
    await row.getByTestId('enable-user').click()
    await expect(row).toHaveAttribute('data-status', 'enabled')
  } else {
    await row.getByTestId('end-sessions').click()
    await expect(row.getByTestId('sessions-ended')).toBeVisible()
  }
}

/** A new cashier, signed in in a browser of its own, whose session an admin then ended `how`. */
export async function endedSession(
  browser: Browser,
  adminPage: Page,
  how: SessionEnding,
): Promise<{ context: BrowserContext; username: string }> {
  const username = `stale-${how.slice(0, 8)}-${Date.now().toString(36)}`
  await addUser(adminPage, { username, displayName: '会话测试', password: PASSWORD })
  const context = await browser.newContext({ baseURL: E2E.baseUrl })
  const page = await context.newPage()
  await new LoginPage(page).goto()
  await new LoginPage(page).signIn(username, PASSWORD)
  await expect(page.getByTestId('current-user')).toBeVisible()
  // Still signed in: the session works before the admin ends it.
  expect((await context.request.get('/charge/new', { maxRedirects: 0 })).status()).toBe(200)
  await end(adminPage, username, how)
  await page.close()
  return { context, username }
}
