import type { Page } from '@playwright/test'
import { FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { sandbox, uniqueBill } from './support/sandbox'

async function setTimeoutMinutes(adminPage: Page, minutes: number) {
  await adminPage.goto('/admin/settings')
  const form = adminPage.getByTestId('settings-form')
  await form.locator('input[name=cashier_timeout_min]').fill(String(minutes))
  await form.locator('button[type=submit]').click()
  await expect(adminPage.getByTestId('settings-saved')).toBeVisible()
}

test('an unpaid QR is closed at DMS when the cashier timeout runs out', async ({
  adminPage,
  cashierPage,
}) => {
  test.setTimeout(150_000)
  await sandbox.settings({ payerDailyLimit: 100_000 })
  await setTimeoutMinutes(adminPage, 1)
  try {
    const desk = new FrontDesk(cashierPage)
    const bill = uniqueBill('TIMEOUT')
    await desk.charge(bill, '15.00')
    await expect(desk.qr()).toBeVisible()
    await expect(cashierPage.getByTestId('charge-countdown')).toContainText('0:5')
    await desk.expectStatus('closed', 90_000)
    const [order] = await sandbox.ordersForBill(bill)
    expect(order!.orderStatus).toBe(6)
  } finally {
    await setTimeoutMinutes(adminPage, 5)
  }
})
