import { expect, type Locator, type Page } from '@playwright/test'
import type { UserRole } from '@/lib/users/roles'
import { waitForHydration } from '@/tests/support/hydration'

/*
 * The admin's users page as specs use it: a person added through its form (the way an admin does,
 * so the action, its audit entry and the list are the real ones) and that person's row.
 */

/** A user's row on /admin/users. */
export function userRow(page: Page, username: string): Locator {
  return page.locator(`[data-testid=user-row][data-username="${username}"]`)
}

/** Adds a user through the form on /admin/users (a cashier unless `role` says otherwise). */
export async function addUser(
  adminPage: Page,
  user: { username: string; password: string; displayName?: string; role?: UserRole },
) {
  await adminPage.goto('/admin/users')
  const form = adminPage.getByTestId('add-user-form')
  await waitForHydration(form)
  await form.locator('input[name=username]').fill(user.username)
  if (user.displayName) await form.locator('input[name=display_name]').fill(user.displayName)
  if (user.role) await form.locator('select[name=role]').selectOption(user.role)
  await form.locator('input[name=password]').fill(user.password)
  await expect(form.locator('input[name=password]')).toHaveValue(user.password)
  await form.getByTestId('add-user-submit').click()
  await expect(adminPage.getByTestId('add-user-done')).toBeVisible()
}
