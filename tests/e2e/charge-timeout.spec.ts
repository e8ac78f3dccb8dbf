import type { Page } from '@playwright/test'
import { FrontDesk } from './support/charge-page'
import { expect, test } from './support/quiet-server'

/*
 * The cashier timeout, on the server whose wall clock the test sets (quiet-server.ts): the charge
 * is taken with a minute on its countdown, then the clock moves past the minute, and the watched
 * screen's next check finds the time run out and closes the QR at DMS. The same path as a minute
 * waited out on the shared server, which spent 60 of this spec's 68 s waiting.
 */

async function setTimeoutMinutes(adminPage: Page, minutes: number) {
  await adminPage.goto('/admin/settings')
  const form = adminPage.getByTestId('settings-form')
  await form.locator('input[name=cashier_timeout_min]').fill(String(minutes))
  await form.locator('button[type=submit]').click()
  await expect(adminPage.getByTestId('settings-saved')).toBeVisible()
}

test('an unpaid QR is closed at DMS when the cashier timeout runs out', async ({
  browser,
  quiet,
}) => {
  test.setTimeout(90_000)
  // The clock at the real time again, whatever an earlier spec on this server set it to.
  await quiet.setClock(Date.now())
  const admin = await quiet.pageAs(browser, 'admin')
  const cashier = await quiet.pageAs(browser, 'cashier')
  const manager = await quiet.pageAs(browser, 'manager')
  await setTimeoutMinutes(admin, 1)
  try {
    const desk = new FrontDesk(cashier)
    const bill = `TIMEOUT-${Date.now().toString(36).toUpperCase()}`
    await desk.charge(bill, '15.00')
    await expect(desk.qr()).toBeVisible()
    await expect(cashier.getByTestId('charge-countdown')).toContainText('0:5')
    // Still open with time left: only the minute running out may close it.
    await desk.expectStatus('pending')
    const [open] = await quiet.sandbox.ordersForBill(bill)
    expect(open!.orderStatus).toBe(1) // unpaid
    // A minute and a second later, for the server and its sandbox alike.
    await quiet.setClock(Date.now() + 61_000)
    await desk.expectStatus('closed', 30_000)
    const [order] = await quiet.sandbox.ordersForBill(bill)
    expect(order!.orderStatus).toBe(6)
    // Said as what happened: the QR expired (it read 收款已关闭, as for a cancel).
    await expect(cashier.getByText('收款码已过期', { exact: true })).toBeVisible()
    await expect(cashier.getByTestId('charge-close-reason')).toHaveText(
      '顾客没有按时付款，没有扣款。如仍要付款，请重新收款。',
    )
    await expect(cashier.getByText('收款已关闭', { exact: true })).toHaveCount(0)
    // The manager's detail says it in the same words.
    await manager.goto(`/charges/${new URL(cashier.url()).pathname.split('/').pop()}`)
    await expect(manager.getByTestId('detail-close-reason')).toHaveText('收款码已过期')
  } finally {
    await setTimeoutMinutes(admin, 5)
    await Promise.all([admin, cashier, manager].map((p) => p.context().close()))
  }
})
