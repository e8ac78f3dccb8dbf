import { createHmac } from 'node:crypto'
import type { Page } from '@playwright/test'
import type { SandboxOrder } from '@/lib/dms-sandbox/types'
import { FrontDesk } from './support/charge-page'
import { E2E, storageStateFor } from './support/config'
import { dbSnapshot } from './support/db-snapshot'
import { expect, test } from './support/fixtures'
import { LoginPage } from './support/login-page'
import { chargeAt, newStation, readySandbox } from './support/own-station'
import { E2E_SECRETS } from './support/secrets'
import { sandbox, uniqueBill } from './support/sandbox'
import { callAction, discoverActions } from './support/server-actions'

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
  await chargeAt(cashierPage, station, bill, '3.00', 'failed', DMS_HTML)
  await expect(desk.error()).toContainText(DMS_HTML)
  await expectInert(cashierPage, DMS_HTML)
  const id = cashierPage.url().split('/').pop()!

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
  await adminPage.goto('/admin/users', { waitUntil: 'networkidle' })
  const form = adminPage.getByTestId('add-user-form')
  await form.locator('input[name=username]').fill(username)
  await form.locator('input[name=display_name]').fill(NAME_SCRIPT)
  await form.locator('input[name=password]').fill('xss-password-1')
  await form.getByTestId('add-user-submit').click()
  await expect(adminPage.getByTestId('add-user-done')).toBeVisible()
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
  const id = page.url().split('/').pop()!
  await page.getByTestId('charge-cancel').click()
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

/** A notification as DMS signs it (lib/dms/notify.ts), for the e2e server's notify secret. */
function signedNotification(order: SandboxOrder, extra = '') {
  const payDatetime = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
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
    notifyId: `N-${order.bizOrderNo}`,
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
  // Next refuses past serverActions.bodySizeLimit (64 kB): an error answer, not the action's state.
  expect([413, 500]).toContain(call.status)
  expect(call.body).not.toContain('"status"')
  expect(dbSnapshot().users).toEqual(users)

  // A correctly signed "paid" notification for an open charge, made huge: refused, charge untouched.
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('BIG')
  await chargeAt(cashierPage, station, bill, '2.00', 'pending')
  const [order] = await sandbox.waitForOrders(bill)
  const huge = await admin.post('/api/dms/notify', signedNotification(order!, `&pad=${big}`))
  expect(huge.status()).toBe(413)
  const id = cashierPage.url().split('/').pop()!
  const view = await cashierPage.request.get(`/api/charges/${id}`)
  expect(((await view.json()) as { status: string }).status).toBe('pending')
  // The same notification at its normal size is taken (lib/charges/notification.ts then asks DMS):
  // the refusal was about size alone.
  const normal = await admin.post('/api/dms/notify', signedNotification(order!))
  expect(await normal.text()).toBe('success')
  await cashierPage.getByTestId('charge-cancel').click()
  await desk.expectStatus('closed')
  await admin.dispose()
})
