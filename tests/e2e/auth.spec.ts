import type { Page } from '@playwright/test'
import { E2E, ROLE_USERS } from './support/config'
import { expect, test } from './support/fixtures'
import { LoginPage } from './support/login-page'
import { callAction, discoverActions, returnedState } from './support/server-actions'
import { addUser, userRow } from './support/users-page'
import { waitForHydration } from '@/tests/support/hydration'

const HOMES = { cashier: '/charge/new', manager: '/charges', admin: '/admin/users' } as const

test.describe('signing in', () => {
  for (const [role, home] of Object.entries(HOMES)) {
    test(`${role} signs in and lands on their home`, async ({ page }) => {
      const login = new LoginPage(page)
      await login.goto()
      await login.signIn(ROLE_USERS[role as keyof typeof HOMES], E2E.password)
      await expect(page).toHaveURL(new RegExp(`${home}$`))
      await expect(page.getByTestId('current-user')).toBeVisible()
    })
  }

  test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
    const login = new LoginPage(page)
    await login.goto()
    await login.signIn('cashier', 'not-the-password')
    await expect(login.error()).toContainText('用户名或密码不正确')
    await expect(page).toHaveURL(/\/login/)
    await expect(page.locator('input[name=username]')).toHaveValue('cashier')

    await login.signIn('nobody-here', 'not-the-password')
    await expect(login.error()).toContainText('用户名或密码不正确')
  })

  test('signing out ends the session', async ({ page }) => {
    const login = new LoginPage(page)
    await login.goto()
    await login.signIn('cashier', E2E.password)
    await expect(page.getByTestId('current-user')).toBeVisible()
    const before = await page.context().cookies()
    const session = before.find((c) => c.name.includes('authjs.session-token'))
    expect(session, 'a session cookie before signing out').toBeTruthy()
    await page.getByTestId('sign-out').click()
    await expect(page).toHaveURL(/\/login/)
    await page.goto('/charge/new')
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcharge%2Fnew/)

    // The session is over on the server, not only in this browser: the same token sent again — as
    // an answer in flight at sign-out can set it again, or a copied cookie would — is refused.
    await page.context().addCookies([session!])
    await page.goto('/charge/new')
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcharge%2Fnew/)
    await expect(page.locator('input[name=username]')).toBeVisible()
    const status = await page.request.get('/api/attention', { failOnStatusCode: false })
    expect(status.status()).toBe(401)
  })
})

test.describe('signed-out visitors', () => {
  const PROTECTED = [
    '/',
    '/charge/new',
    '/charge/today',
    '/charges',
    '/attention',
    '/admin/users',
    '/admin/stations',
    '/admin/settings',
  ]
  for (const path of PROTECTED) {
    test(`are sent to the login page from ${path}`, async ({ page }) => {
      await page.goto(path)
      await expect(page).toHaveURL(/\/login/)
      await expect(page.locator('input[name=username]')).toBeVisible()
    })
  }

  test('get 401 from protected API routes', async ({ request }) => {
    const res = await request.get('/api/charges/does-not-exist')
    expect(res.status()).toBe(401)
  })
})

test.describe('roles', () => {
  test('a cashier is refused the manager and admin pages', async ({ cashierPage }) => {
    for (const path of ['/charges', '/attention', '/admin/users', '/admin/settings']) {
      await cashierPage.goto(path)
      await expect(cashierPage.getByTestId('forbidden')).toBeVisible()
    }
  })

  test('the interface switches to English and back', async ({ managerPage }) => {
    await managerPage.goto('/charges')
    await waitForHydration(managerPage.getByRole('button', { name: 'English' }))
    await managerPage.getByRole('button', { name: 'English' }).click()
    await expect(managerPage.getByRole('button', { name: 'Sign out' })).toBeVisible()
    await managerPage.getByRole('button', { name: '中文' }).click()
    await expect(managerPage.getByRole('button', { name: '退出登录' })).toBeVisible()
  })
})

test.describe("an admin's own account", () => {
  const PASSWORD = 'own-account-pass-1'
  async function addAdmin(adminPage: Page, username: string) {
    await addUser(adminPage, { username, password: PASSWORD, role: 'admin' })
    await expect(userRow(adminPage, username)).toHaveAttribute('data-role', 'admin')
  }

  test('offers no disable or role change on it, and refuses them posted directly', async ({
    adminPage,
    browser,
  }) => {
    // A second enabled admin of its own, so the last-admin rule is not what refuses: only the
    // own-account rule stands between this admin and locking themself out.
    const username = `self-${Date.now().toString(36)}`
    await addAdmin(adminPage, username)
    const context = await browser.newContext({ baseURL: E2E.baseUrl })
    const page = await context.newPage()
    await new LoginPage(page).goto()
    await new LoginPage(page).signIn(username, PASSWORD)
    await expect(page).toHaveURL(/\/admin\/users$/)

    const own = userRow(page, username)
    await expect(own.getByTestId('own-account-note')).toHaveText('当前登录的账号，不能停用或改角色')
    await expect(own.getByRole('button', { name: '停用' })).toHaveCount(0)
    await expect(own.getByRole('button', { name: '改角色' })).toHaveCount(0)
    await expect(own.locator('select[name=role]')).toHaveCount(0)
    // The same locators find the controls on another person's row of the same page.
    await expect(userRow(page, 'cashier').getByRole('button', { name: '停用' })).toBeVisible()
    await expect(userRow(page, 'cashier').getByRole('button', { name: '改角色' })).toBeVisible()

    // Posted as the page's own form would post them, for this admin's own account: refused.
    const ids = await discoverActions(context.request, '/admin/users')
    const post = (name: string, fields: Record<string, string>) =>
      callAction(context.request, '/admin/users', ids.get(name)!, fields)
    const disable = await post('setEnabledAction', { username, enabled: 'false' })
    expect(returnedState(disable.body)).toMatchObject({ status: 'error', error: 'self_disable' })
    const demote = await post('changeRoleAction', { username, role: 'cashier' })
    expect(returnedState(demote.body)).toMatchObject({ status: 'error', error: 'self_role' })

    // Nothing changed: still an enabled admin, still signed in.
    await page.reload()
    await expect(own).toHaveAttribute('data-status', 'enabled')
    await expect(own).toHaveAttribute('data-role', 'admin')
    await context.close()

    // Another admin can (and so leaves the shop with the admins it had).
    await adminPage.reload()
    await userRow(adminPage, username).getByTestId('disable-user').click()
    await expect(userRow(adminPage, username)).toHaveAttribute('data-status', 'disabled')
  })
})
