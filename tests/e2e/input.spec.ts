import { createHmac } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import { BEIJING_TIME_ZONE } from '@/lib/charges/beijing-day'
import type { SandboxOrder } from '@/sandbox/types'
import { chargeIdOf, FrontDesk } from './support/charge-page'
import { E2E, storageStateFor } from './support/config'
import { dbSnapshot } from './support/db-snapshot'
import { expect, test } from './support/fixtures'
import { LoginPage, postCredentials } from './support/login-page'
import { chargeAt, newStation, readySandbox } from './support/own-station'
import { E2E_SECRETS } from './support/secrets'
import { sandbox, uniqueBill } from './support/sandbox'
import { callAction, discoverActions } from './support/server-actions'
import { cancelOnChargeScreen } from './support/cancel-charge'
import { addUser } from './support/users-page'

/*
 * What people and DMS type is shown as text, never turned into markup; and bodies too large for any
 * real form or notification are refused before anything is recorded.
 */

const DMS_HTML = '<img src=x onerror=alert(1)>'
const NAME_SCRIPT = '<script>window.__pwned=1</script>'

/** The page shows `text` literally and nothing it contains became an element or ran. */
async function expectInert(page: Page, text: string) {
  await expect(page.getByText(text).filter({ visible: true }).first()).toBeVisible()
  const damage = await page.evaluate(() => ({
    pwned: (window as { __pwned?: unknown }).__pwned ?? null,
    imgs: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.trim() === 'window.__pwned=1')
      .length,
  }))
  expect(damage).toEqual({ pwned: null, imgs: 0, scripts: 0 })
}

function noDialogs(page: Page): string[] {
  const seen: string[] = []
  page.on('dialog', (d) => {
    seen.push(d.message())
    void d.dismiss()
  })
  return seen
}

// The spec's own station: what it leaves behind stays out of other specs' way.
let station: string
test.beforeAll(async ({ browser }) => {
  await readySandbox()
  station = await newStation(browser, 'INPUT')
})

test('a DMS message with HTML is text on the charge screen and the manager pages', async ({
  cashierPage,
  managerPage,
}) => {
  const dialogs = [...noDialogs(cashierPage), ...noDialogs(managerPage)]
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('XSS')
  await chargeAt(cashierPage, station, bill, '3.00', 'failed', { dmsMessage: DMS_HTML })
  await expect(desk.error()).toContainText(DMS_HTML)
  await expectInert(cashierPage, DMS_HTML)
  const id = await chargeIdOf(cashierPage)

  await managerPage.goto(`/charges/${id}`)
  await expectInert(managerPage, DMS_HTML)
  await managerPage.goto(`/charges?q=${bill}`)
  await expect(managerPage.getByTestId('charge-row')).toHaveCount(1)
  expect(await managerPage.locator('img[src="x"]').count()).toBe(0)
  expect(dialogs).toEqual([])
})

test('a display name with a script tag is text wherever the name is shown', async ({
  adminPage,
  managerPage,
  browser,
}) => {
  const username = `xss-${Date.now().toString(36)}`
  await addUser(adminPage, { username, displayName: NAME_SCRIPT, password: 'xss-password-1' })
  await adminPage.reload()
  await expectInert(adminPage, NAME_SCRIPT)

  // Signed in as that person: the header, the charge screen.
  const context = await browser.newContext()
  const page = await context.newPage()
  noDialogs(page)
  await new LoginPage(page).goto()
  await new LoginPage(page).signIn(username, 'xss-password-1')
  await expect(page.getByTestId('current-user')).toContainText(NAME_SCRIPT)
  await expectInert(page, NAME_SCRIPT)
  const bill = uniqueBill('XSSN')
  const desk = new FrontDesk(page)
  await chargeAt(page, station, bill, '4.00', 'pending')
  await expectInert(page, NAME_SCRIPT)
  const id = await chargeIdOf(page)
  await cancelOnChargeScreen(page)
  await desk.expectStatus('closed')
  await context.close()

  // The manager's list (cashier column and filter) and the detail's timeline.
  await managerPage.goto(`/charges?q=${bill}`)
  await expect(managerPage.getByTestId('charge-row')).toContainText(NAME_SCRIPT)
  await expectInert(managerPage, NAME_SCRIPT)
  await managerPage.goto(`/charges/${id}`)
  await expectInert(managerPage, NAME_SCRIPT)
})

test('a bill number with markup is refused at the form', async ({ cashierPage }) => {
  const desk = new FrontDesk(cashierPage)
  await desk.open()
  await desk.fill('<b>1</b>', '1.00')
  await cashierPage.getByTestId('charge-submit').click()
  await expect(cashierPage).toHaveURL(/\/charge\/new/)
  await expect(cashierPage.locator('b', { hasText: '1' })).toHaveCount(0)
  expect(await sandbox.ordersForBill('<b>1</b>')).toHaveLength(0)
})

test('an address with a key given twice, or a day with no next day, answers a page, never a 500', async ({
  cashierPage,
  managerPage,
}) => {
  // Next hands a repeated key to a page as an array: `.trim()` on it threw (a server error).
  for (const path of ['/charge/today?q=A1&q=B2', '/charge/paid?bill=A1&bill=B2']) {
    expect((await cashierPage.goto(path))?.status(), path).toBe(200)
  }
  await cashierPage.goto('/charge/new?bz_order=A1&bz_order=B2&amount=3&amount=4')
  await expect(cashierPage.locator('input[name=bz_order]')).toHaveValue('A1')
  await expect(cashierPage.locator('input[name=amount]')).toHaveValue('3')
  // The day after 9999-12-31 has no YYYY-MM-DD text: the list and its exports threw on it.
  const list = await managerPage.goto('/charges?from=9999-12-31&to=9999-12-31')
  expect(list?.status()).toBe(200)
  await expect(managerPage.getByTestId('totals')).toBeVisible()
  const csv = await managerPage.request.get('/api/charges/export?to=9999-12-31')
  expect([csv.status(), await csv.json()]).toEqual([
    400,
    { error: 'invalid-filter', fields: ['to'] },
  ])
})

/** A notification as DMS signs it (lib/dms/notify.ts), for the e2e server's notify secret. */
function signedNotification(order: SandboxOrder, extra = '', notifyId = `N-${order.bizOrderNo}`) {
  const payDatetime = new Intl.DateTimeFormat('sv-SE', {
    timeZone: BEIJING_TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date())
  const body = `${new URLSearchParams({
    bizOrderNo: order.bizOrderNo,
    orderNo: order.orderNo,
    bz_order: order.bzOrder,
    amount: String(order.amount),
    orderStatus: '4',
    payDatetime,
    notifyId,
    notifyTime: payDatetime,
  })}${extra}`
  const signature = createHmac('sha256', E2E_SECRETS.notifySecret).update(body).digest('hex')
  return { data: body, headers: { 'content-type': FORM, 'x-dms-signature': signature } }
}

const FORM = 'application/x-www-form-urlencoded'

test('a 1 MB body is refused by a server action and by the notify route; nothing is recorded', async ({
  playwright,
  cashierPage,
}) => {
  const big = 'a'.repeat(1024 * 1024)
  const admin = await playwright.request.newContext({
    baseURL: E2E.baseUrl,
    storageState: storageStateFor('admin'),
  })
  const users = dbSnapshot().users
  const ids = await discoverActions(admin, '/admin/users')
  const call = await callAction(admin, '/admin/users', ids.get('addUserAction')!, {
    username: 'huge-body',
    display_name: big,
    role: 'cashier',
    password: 'huge-body-pass',
  })
  // Refused before the action (proxy.ts: 64 KB), with a message that says so.
  expect(call.status).toBe(413)
  expect(JSON.parse(call.body)).toMatchObject({ error: 'body-too-large' })
  expect(dbSnapshot().users).toEqual(users)

  // A correctly signed "paid" notification for an open charge, made huge: refused, charge untouched.
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('BIG')
  await chargeAt(cashierPage, station, bill, '2.00', 'pending')
  const [order] = await sandbox.waitForOrders(bill)
  const huge = await admin.post('/api/dms/notify', signedNotification(order!, `&pad=${big}`))
  expect(huge.status()).toBe(413)
  const id = await chargeIdOf(cashierPage)
  const view = await cashierPage.request.get(`/api/charges/${id}`)
  expect(((await view.json()) as { status: string }).status).toBe('pending')
  // The same notification at its normal size is taken (lib/charges/notification.ts then asks DMS):
  // the refusal was about size alone.
  const normal = await admin.post('/api/dms/notify', signedNotification(order!))
  expect(await normal.text()).toBe('success')
  await cancelOnChargeScreen(cashierPage)
  await desk.expectStatus('closed')
  await admin.dispose()
})

test('the big public posts are refused with 413 and a message, and pairing only from the site itself', async ({
  request,
}) => {
  const big = `code=${'a'.repeat(1024 * 1024)}`
  const headers = { 'content-type': FORM, origin: E2E.baseUrl }
  const audit = dbSnapshot().audit
  for (const path of ['/login', '/api/auth/callback/credentials', '/api/display/pair']) {
    const res = await request.post(path, { data: big, headers, maxRedirects: 0 })
    expect(res.status(), path).toBe(413)
    expect(await res.json(), path).toMatchObject({
      error: 'body-too-large',
      message: expect.stringMatching(/^Request body too large: at most \d+ bytes/),
    })
  }
  // A post to a page with no declared length is not cut at the limit and read as whole: refused.
  const chunked = await new Promise<number>((resolve, reject) => {
    // Written in pieces with no Content-Length: Node sends it chunked.
    const req = httpRequest(`${E2E.baseUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': FORM },
    })
    req.on('response', (res) => resolve(res.statusCode ?? 0))
    req.on('error', reject)
    req.write('username=a&')
    req.end('password=b')
  })
  expect(chunked).toBe(411)
  const foreign = await request.post('/api/display/pair', {
    form: { code: 'ABCDEF' },
    headers: { origin: 'https://evil.example' },
    maxRedirects: 0,
  })
  expect(foreign.status()).toBe(403)
  expect(dbSnapshot().audit).toEqual(audit)
})

// The one found in a real browser, and its relatives; lib/auth/callback-url.test.ts has the rest.
const EVIL = [
  '/%5Cevil.example',
  '%2F%5Cevil.example',
  '/%255Cevil.example',
  '//evil.example',
  '/%09/evil.example',
  'https%3A%2F%2Fevil.example%2F',
]

test('signing in follows callbackUrl only to a path on this site', async ({ browser }) => {
  test.setTimeout(120_000)
  const landed: string[] = []
  for (const raw of [...EVIL, '%2Fcharge%2Ftoday']) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`/login?callbackUrl=${raw}`)
    await new LoginPage(page).signIn('cashier', E2E.password)
    await expect(page.getByTestId('current-user')).toBeVisible()
    const url = new URL(page.url())
    expect(url.origin, raw).toBe(E2E.baseUrl)
    landed.push(url.pathname)
    await context.close()
  }
  // Every attack lands on the cashier's home; the honest path is kept.
  expect(landed).toEqual([...EVIL.map(() => '/charge/new'), '/charge/today'])
})

test('Auth.js’s own endpoint follows callbackUrl only to a path on this site too', async ({
  request,
}) => {
  for (const raw of [
    '/\\evil.example',
    '//evil.example',
    'https://evil.example/',
    '/%5Cevil.example',
  ]) {
    const res = await postCredentials(request, {
      username: 'cashier',
      password: E2E.password,
      callbackUrl: raw,
    })
    // Auth.js writes its own name for this server (localhost or the address used), never another.
    const location = new URL(res.headers()['location'] ?? '', E2E.baseUrl)
    expect(['127.0.0.1', 'localhost'], raw).toContain(location.hostname)
    expect(location.port, raw).toBe(String(E2E.port))
    expect(location.pathname, raw).not.toMatch(/^\/[\\/]/)
  }
})

test('a DMS notification replayed 50 times is acted on once', async ({ cashierPage, request }) => {
  const bill = uniqueBill('REPLAY')
  const id = await chargeAt(cashierPage, station, bill, '4.00', 'pending')
  // Nobody watches it any more: only the sweep (and the notifications) would ask DMS about it.
  await cashierPage.goto('/charge/today')
  const [order] = await sandbox.waitForOrders(bill)
  const replay = signedNotification(order!, '', `REPLAY-${order!.bizOrderNo}`)
  const since = (await sandbox.requests()).at(-1)?.seq ?? 0
  const started = Date.now()
  const answers = []
  for (let i = 0; i < 50; i++)
    answers.push(await (await request.post('/api/dms/notify', replay)).text())
  await new Promise((r) => setTimeout(r, 1_500))
  const elapsed = Date.now() - started
  expect(answers).toEqual(Array(50).fill('success'))
  const queries = (await sandbox.requests({ since, path: '/dms/cash-out/query' })).filter(
    (r) => r.params.biz_order_no === order!.bizOrderNo,
  )
  // At most one query per interval (1 s here) whatever arrived; the replays added none of their own.
  expect(queries.length).toBeLessThanOrEqual(Math.ceil(elapsed / 1_000) + 1)
  const db = new Database(`${E2E.dataDir}/cashier.db`, { readonly: true })
  const seen = db
    .prepare('select count(*) as n from dms_notifications where notify_id = ?')
    .get(`REPLAY-${order!.bizOrderNo}`) as { n: number }
  db.close()
  expect(seen.n).toBe(1)
  await cashierPage.goto(`/charge/${id}`)
  await cancelOnChargeScreen(cashierPage)
  await new FrontDesk(cashierPage).expectStatus('closed')
})

test('a close DMS keeps refusing is retried later and later, and is one line of the timeline', async ({
  cashierPage,
  managerPage,
}) => {
  test.setTimeout(90_000)
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('NOCLOSE')
  const id = await chargeAt(cashierPage, station, bill, '5.00', 'pending')
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.addFault({ endpoint: 'close', mode: 'errcode', errCode: 1500, times: 1000 })
  try {
    await cancelOnChargeScreen(cashierPage)
    // The screen keeps polling every second for 12 s: closes go out after 0, ~2, ~4, ~8 s.
    await cashierPage.waitForTimeout(12_000)
    // DMS closes the order itself in the end, while it still refuses our closes: with the fault
    // cleared first, a retried close could land before this and the order would already be closed.
    await sandbox.close(order!.bizOrderNo)
    // The next query learns it; only then is the number of closes final.
    await desk.expectStatus('closed')
  } finally {
    await sandbox.clearFaults()
  }
  const closes = (await sandbox.requests({ path: '/dms/cash-out/close' })).filter(
    (r) => r.params.biz_order_no === order!.bizOrderNo,
  )
  expect(closes.length).toBeGreaterThanOrEqual(3)
  expect(closes.length).toBeLessThanOrEqual(6)
  await managerPage.goto(`/charges/${id}`)
  const failed = managerPage.locator('[data-testid=timeline-event][data-type=close-failed]')
  await expect(failed).toHaveCount(1)
  await expect(failed.getByTestId('timeline-repeats')).toHaveAttribute(
    'data-count',
    String(closes.length),
  )
  await expect(failed).toContainText(`共 ${closes.length} 次`)
})
