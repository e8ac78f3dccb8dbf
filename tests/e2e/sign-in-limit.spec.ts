import { request as requestFactory, type Browser, type Page } from '@playwright/test'
import { E2E } from './support/config'
import { expect, test } from './support/fixtures'
import { LoginPage, postCredentials } from './support/login-page'
import { newStation } from './support/own-station'
import { addUser, userRow } from './support/users-page'
import { waitForHydration } from '@/tests/support/hydration'

/*
 * Wrong passwords are capped per account (5 per 15 minutes) and per address (20), see
 * lib/auth/sign-in-limiter.ts. Each test signs in from its own made-up address (the first hop of
 * X-Forwarded-For is the client's address, lib/auth/client-address.ts), so these attempts do not
 * eat into the allowance of the other specs, which all come from 127.0.0.1.
 */

const BLOCKED = /尝试次数过多，请 1?\d 分钟后再试，或联系店长重置密码。/
const INVALID = '用户名或密码不正确'
const PASSWORD = 'right-password-42'

let lastOctet = 10
async function pageFrom(browser: Browser): Promise<Page> {
  lastOctet += 1
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${lastOctet}` },
  })
  return context.newPage()
}

/** One sign-in through the form; returns the message it got (the same text can repeat). */
async function attempt(page: Page, username: string, password: string) {
  const answered = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login',
  )
  await new LoginPage(page).signIn(username, password)
  await answered
  await expect(page.locator('button[type=submit]')).toBeEnabled()
  return (await page.getByTestId('login-error').textContent()) ?? ''
}

test('six wrong passwords block the seventh attempt, even with the right password', async ({
  browser,
  adminPage,
}) => {
  const username = `limit-${Date.now().toString(36)}`
  await addUser(adminPage, { username, displayName: '限流测试', password: PASSWORD })
  const page = await pageFrom(browser)
  const login = new LoginPage(page)
  await login.goto()

  const answers = []
  for (let i = 0; i < 6; i++) answers.push(await attempt(page, username, 'wrong-password'))
  expect(answers.slice(0, 5).every((a) => a.includes(INVALID))).toBe(true)
  expect(answers[5]).toMatch(BLOCKED)

  const seventh = await attempt(page, username, PASSWORD)
  expect(seventh).toMatch(BLOCKED)
  await expect(page).toHaveURL(/\/login/)
  await page.goto('/charge/new')
  await expect(page).toHaveURL(/\/login/)

  // The refusal is in the audit log, once for the window, with the address it came from.
  await adminPage.goto('/admin/audit')
  const rows = adminPage.locator('[data-testid=audit-row][data-action="auth.sign-in-blocked"]')
  await expect(rows.filter({ hasText: username })).toHaveCount(1)
  await expect(rows.filter({ hasText: username })).toContainText(`198.51.100.${lastOctet}`)

  // What the message promises: after a reset by an admin, the person gets in.
  await adminPage.goto('/admin/users')
  const row = userRow(adminPage, username)
  await waitForHydration(row)
  await row.locator('summary').click()
  await row.locator('input[name=password]').fill('new-password-43')
  await row.getByTestId('reset-password').click()
  await expect(row.getByTestId('user-row-done')).toBeVisible()
  await login.signIn(username, 'new-password-43')
  await expect(page.getByTestId('current-user')).toBeVisible()
  await page.context().close()
})

test('a name that does not exist gets the same refusal, so it tells nothing', async ({
  browser,
}) => {
  const page = await pageFrom(browser)
  const login = new LoginPage(page)
  await login.goto()
  const answers = []
  for (let i = 0; i < 7; i++) {
    answers.push(await attempt(page, `nobody-${lastOctet}`, 'wrong-password'))
  }
  expect(answers.slice(0, 5).every((a) => a.includes(INVALID))).toBe(true)
  expect(answers[5]).toMatch(BLOCKED)
  expect(answers[6]).toMatch(BLOCKED)
  await page.context().close()
})

test('an address is refused after 20 wrong attempts, also at the Auth.js endpoint', async () => {
  const address = '203.0.113.77'
  const api = await requestFactory.newContext({
    baseURL: E2E.baseUrl,
    extraHTTPHeaders: { 'x-forwarded-for': address },
  })
  // The form posts through a server action; Auth.js's own endpoint must be held to the same limit.
  const tryOnce = async (username: string, password: string) =>
    (await postCredentials(api, { username, password })).headers()['location'] ?? ''
  for (let i = 0; i < 20; i++) {
    expect(await tryOnce(`spray-${i}`, 'wrong-password')).toContain('code=invalid')
  }
  // A real account with the right password, from that address: refused too.
  expect(await tryOnce('cashier', E2E.password)).toContain('code=blocked')
  await api.dispose()

  // Another address is not affected.
  const other = await requestFactory.newContext({
    baseURL: E2E.baseUrl,
    extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.78' },
  })
  const res = await postCredentials(other, { username: 'cashier', password: E2E.password })
  expect(res.headers()['location']).not.toContain('error=')
  await other.dispose()
})

test('a client that is not a trusted proxy cannot pick its address with X-Forwarded-For', async ({
  adminPage,
}) => {
  // The e2e server trusts 127.0.0.1 as its reverse proxy (playwright.config.ts); [::1] is this
  // machine reaching Node directly, like anyone on the network would without a proxy.
  const direct = await requestFactory.newContext({
    baseURL: `http://[::1]:${E2E.port}`,
  })
  const tryOnce = async (username: string, password: string, spoofed: string) => {
    const res = await postCredentials(
      direct,
      { username, password },
      { 'x-forwarded-for': spoofed },
    )
    return res.headers()['location'] ?? ''
  }
  const answers = []
  for (let i = 0; i < 24; i++) {
    answers.push(await tryOnce(`walk-${i}`, 'wrong-password', `198.18.0.${100 + i}, 10.0.0.${i}`))
  }
  // Twenty tries, whatever address each one claimed, and then no more: the limit held.
  expect(answers.slice(0, 20).every((a) => a.includes('code=invalid'))).toBe(true)
  expect(answers.slice(20).every((a) => a.includes('code=blocked'))).toBe(true)
  await direct.dispose()

  // The audit log has the real address, not the claimed ones.
  await adminPage.goto('/admin/audit')
  const failed = adminPage.locator('[data-testid=audit-row][data-action="auth.sign-in-failed"]')
  const walked = failed.filter({ hasText: /walk-\d+/ })
  await expect(walked).toHaveCount(20)
  await expect(walked.filter({ hasText: '::1' })).toHaveCount(20)
  await expect(failed.filter({ hasText: '198.18.0.' })).toHaveCount(0)

  // Someone else, from another address, still signs in.
  const desk = await requestFactory.newContext({ baseURL: E2E.baseUrl })
  const ok = await postCredentials(desk, { username: 'cashier', password: E2E.password })
  expect(ok.headers()['location']).not.toContain('error=')
  await desk.dispose()
})

test('wrong pairing codes stop one address; the right code from another address still pairs', async ({
  managerPage,
}) => {
  const station = await newStation(managerPage.context().browser()!, 'PAIRLIM')
  await managerPage.goto(`/admin/stations/${station}/tablets`)
  await waitForHydration(managerPage.getByTestId('create-pairing-code'))
  await managerPage.getByTestId('create-pairing-code').click()
  const code = (await managerPage.getByTestId('pairing-code').getAttribute('data-code'))!

  const pair = async (address: string, tried: string) => {
    const tablet = await requestFactory.newContext({
      baseURL: E2E.baseUrl,
      extraHTTPHeaders: { 'x-forwarded-for': address, origin: E2E.baseUrl },
    })
    const res = await tablet.post('/api/display/pair', { form: { code: tried }, maxRedirects: 0 })
    await tablet.dispose()
    return res.headers()['location']
  }
  const guesser = '198.51.100.230'
  // Codes that cannot be the live one (it does not start with them), each tried once.
  const prefix = code.startsWith('ZZ') ? 'YY' : 'ZZ'
  const wrong = (i: number) => `${prefix}QRS${'ABCDEFGHJKLMNP'[i]}`
  const answers = []
  for (let i = 0; i < 14; i++) answers.push(await pair(guesser, wrong(i)))
  expect(answers.slice(0, 10)).toEqual(Array(10).fill('/display?pair=invalid'))
  expect(answers.slice(10)).toEqual(Array(4).fill('/display?pair=limited'))
  // Even the right code is refused to the guesser now…
  expect(await pair(guesser, code)).toBe('/display?pair=limited')
  // …but not to the tablet on the counter: there is no global cap to use up.
  expect(await pair('198.51.100.231', code)).toBe('/display')
})
