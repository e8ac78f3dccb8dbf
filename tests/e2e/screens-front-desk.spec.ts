import { FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { sandbox, uniqueBill } from './support/sandbox'
import { cancelOnChargeScreen } from './support/cancel-charge'

/*
 * Screenshots of the front desk in every state, at the staff size (1280×800), saved under
 * screenshots/ for people to look at. Each one first checks the state is really on screen.
 */
const shot = (name: string) => `screenshots/front-desk-${name}.png`

test.beforeAll(async () => {
  await sandbox.settings({ payerDailyLimit: 100_000 })
  await sandbox.clearFaults()
})
test.afterEach(async () => {
  await sandbox.clearFaults()
})

test('front desk screens', async ({ cashierPage: page }) => {
  const desk = new FrontDesk(page)
  await desk.open()
  await desk.fill('WX20261125-0007', '128.50')
  await page.screenshot({ path: shot('form') })

  await desk.fill('WX20261125-0007', '12.345')
  await page.getByTestId('charge-submit').click()
  await expect(page.getByTestId('field-error-amount')).toBeVisible()
  await page.screenshot({ path: shot('form-error') })

  const bill = uniqueBill('SHOT')
  await desk.charge(bill, '1280.00')
  await desk.expectStatus('pending')
  await page.screenshot({ path: shot('pending') })
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.scan(order!.bizOrderNo)
  await desk.expectStatus('paying')
  await page.screenshot({ path: shot('paying') })
  await sandbox.pay(order!.bizOrderNo)
  await desk.expectStatus('paid')
  await page.screenshot({ path: shot('paid') })

  const failed = uniqueBill('SHOT')
  await desk.charge(failed, '66.00', 'SCAN_ALIPAY')
  const [f] = await sandbox.waitForOrders(failed)
  await sandbox.fail(f!.bizOrderNo, '用户支付宝余额不足')
  await desk.expectStatus('failed')
  await page.screenshot({ path: shot('failed') })

  const closed = uniqueBill('SHOT')
  await desk.charge(closed, '45.00')
  await expect(desk.qr()).toBeVisible()
  await cancelOnChargeScreen(page)
  await desk.expectStatus('closed')
  await page.screenshot({ path: shot('closed') })

  const unknown = uniqueBill('SHOT')
  await sandbox.addFault({ endpoint: 'payment', mode: 'hang', times: 1 })
  await desk.charge(unknown, '99.00')
  await desk.expectStatus('unknown')
  await page.screenshot({ path: shot('unknown') })
  await sandbox.clearFaults()

  await page.goto('/charge/today')
  await expect(page.getByTestId('today-row').first()).toBeVisible()
  await page.screenshot({ path: shot('today') })
})
