import type { Page } from '@playwright/test'
import { FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { sandbox, uniqueBill } from './support/sandbox'
import { readySandbox } from './support/own-station'
import { cancelOnChargeScreen } from './support/cancel-charge'
import { expectFits, expectNothingClipped } from './support/fits'

/*
 * Screenshots of the front desk in every state, at the staff size (1280×800), saved under
 * screenshots/ for people to look at. Each one first checks the state is really on screen, and
 * that the screen fits (nothing wider than it, no text cut off). The other sizes a shop uses:
 * sizes.spec.ts; the customer tablet: tablet.spec.ts.
 */
async function shoot(page: Page, name: string) {
  await expectFits(page)
  await expectNothingClipped(page)
  await page.screenshot({ path: `screenshots/front-desk-${name}.png` })
}

test.beforeAll(readySandbox)
test.afterEach(async () => {
  await sandbox.clearFaults()
})

test('front desk screens', async ({ cashierPage: page }) => {
  test.setTimeout(120_000)
  const desk = new FrontDesk(page)
  await desk.open()
  await desk.fill('WX20261125-0007', '128.50')
  await shoot(page, 'form')

  await desk.fill('WX20261125-0007', '12.345')
  await page.getByTestId('charge-submit').click()
  await expect(page.getByTestId('field-error-amount')).toBeVisible()
  await shoot(page, 'form-error')

  const bill = uniqueBill('SHOT')
  await desk.charge(bill, '1280.00')
  await desk.expectStatus('pending')
  await shoot(page, 'pending')
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.scan(order!.bizOrderNo)
  await desk.expectStatus('paying')
  await shoot(page, 'paying')
  await sandbox.pay(order!.bizOrderNo)
  await desk.expectStatus('paid')
  await shoot(page, 'paid')

  const failed = uniqueBill('SHOT')
  await desk.charge(failed, '66.00', 'SCAN_ALIPAY')
  const [f] = await sandbox.waitForOrders(failed)
  await sandbox.fail(f!.bizOrderNo, '用户支付宝余额不足')
  await desk.expectStatus('failed')
  await shoot(page, 'failed')

  const closed = uniqueBill('SHOT')
  await desk.charge(closed, '45.00')
  await expect(desk.qr()).toBeVisible()
  await cancelOnChargeScreen(page)
  await desk.expectStatus('closed')
  await shoot(page, 'closed')

  const unknown = uniqueBill('SHOT')
  await sandbox.addFault({ endpoint: 'payment', mode: 'hang', times: 1 })
  await desk.charge(unknown, '99.00')
  await desk.expectStatus('unknown')
  await shoot(page, 'unknown')
  await sandbox.clearFaults()

  await page.goto('/charge/today')
  await expect(page.getByTestId('today-row').first()).toBeVisible()
  await shoot(page, 'today')
})
