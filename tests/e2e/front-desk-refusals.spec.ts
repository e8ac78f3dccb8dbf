import type { Page } from '@playwright/test'
import { waitForHydration } from '@/tests/support/hydration'
import { cancelOnChargeScreen } from './support/cancel-charge'
import { chargeIdOf, FrontDesk } from './support/charge-page'
import { STAFF_SIZES } from './support/fits'
import { takePayment } from './support/charges'
import { expect, test } from './support/fixtures'
import { createRequestsFor, refuseNextPayment, sandbox, uniqueBill } from './support/sandbox'
import { addStation, cancelCharges, chargeAt, readySandbox, rolePage } from './support/own-station'

/*
 * Item 2 of issue 15: a paid bill is not charged again, and DMS refusing a charge (already paid, or
 * the station's setup) is named for what it is — never a failed payment, never 重新收款.
 */

const shot = (name: string) => `screenshots/refusal-${name}.png`

test.afterEach(async () => {
  await sandbox.clearFaults()
})

test('a bill the ledger has paid is answered by the form and never reaches DMS', async ({
  cashierPage,
}) => {
  const bill = uniqueBill('PAID2')
  const paidId = await takePayment(cashierPage, bill, '128.50', 'paid')
  expect(await createRequestsFor(bill)).toHaveLength(1)

  const desk = new FrontDesk(cashierPage)
  await desk.open()
  await desk.fill(bill, '128.50')
  await cashierPage.getByTestId('charge-submit').click()
  const paid = cashierPage.getByTestId('bill-already-paid')
  await expect(paid).toContainText(new RegExp(`单号 ${bill} 已于 \\d{2}:\\d{2} 收款 ¥128\\.50`))
  await cashierPage.screenshot({ path: shot('already-paid-form') })
  // The form answered from the ledger: still the one create of the first payment.
  expect(await createRequestsFor(bill)).toHaveLength(1)
  await expect(cashierPage).toHaveURL(/\/charge\/new$/)
  await paid.getByRole('link', { name: '查看' }).click()
  await expect(cashierPage).toHaveURL(new RegExp(`/charge/${paidId}$`))
  await desk.expectStatus('paid')
})

test('DMS refusing a paid bill (2003) is “already paid”, offers the paid charge, not 重新收款', async ({
  cashierPage,
}) => {
  const bill = uniqueBill('R2003')
  await refuseNextPayment(2003, '该单据已付款')
  const desk = new FrontDesk(cashierPage)
  await desk.charge(bill, '20.00')
  await desk.expectStatus('refused')
  const panel = cashierPage.getByTestId('charge-refused')
  await expect(panel).toHaveAttribute('data-refusal', 'already-paid')
  await expect(panel).toContainText('此单已收款，请勿重复收款')
  await expect(panel).toContainText('DMS 代码 2003')
  await expect(cashierPage.getByText('付款未成功')).toHaveCount(0)
  await expect(cashierPage.getByTestId('charge-retry')).toHaveCount(0)
  await cashierPage.screenshot({ path: shot('2003') })
  await cashierPage.getByTestId('view-paid-charge').click()
  // Paid outside this cashier (the ledger has no paid charge for it): said so, not a blank page.
  await expect(cashierPage.getByTestId('paid-elsewhere')).toContainText(bill)
})

test('a setup refusal (2007) is not a failed payment on the today list, manager list or CSV', async ({
  cashierPage,
  managerPage,
}) => {
  const bill = uniqueBill('R2007')
  await refuseNextPayment(2007, '付款会员当日支付笔数超限')
  const desk = new FrontDesk(cashierPage)
  await desk.charge(bill, '12.00')
  await desk.expectStatus('refused')
  const panel = cashierPage.getByTestId('charge-refused')
  await expect(panel).toHaveAttribute('data-refusal', 'setup')
  await expect(panel).toContainText('暂时不能收款')
  await expect(panel).toContainText('店长')
  await expect(cashierPage.getByTestId('charge-retry')).toHaveCount(0)
  await cashierPage.screenshot({ path: shot('2007') })

  await cashierPage.goto('/charge/today')
  const row = cashierPage.getByTestId('today-row').filter({ hasText: bill })
  await expect(row).toContainText('DMS 未受理')
  await expect(row).not.toContainText('付款失败')

  await managerPage.goto(`/charges?q=${encodeURIComponent(bill)}`)
  await expect(managerPage.getByTestId('charge-row')).toHaveCount(1)
  await expect(managerPage.getByTestId('charge-row')).toContainText('DMS 未受理')
  await expect(managerPage.getByTestId('totals')).toContainText('DMS 未受理')
  await expect(managerPage.getByTestId('totals')).not.toContainText('付款失败')
  const csv = await (
    await managerPage.request.get(`/api/charges/export?q=${encodeURIComponent(bill)}`)
  ).text()
  const lines = csv.trim().split(/\r?\n/)
  expect(lines).toHaveLength(2)
  expect(lines[1]).toContain(bill)
  expect(lines[1]).toContain('DMS 未受理')
  expect(csv).not.toContain('付款失败')
})

async function setMaxAmount(adminPage: Page, yuan: string | null): Promise<string> {
  await adminPage.goto('/admin/settings')
  const form = adminPage.getByTestId('settings-form')
  await waitForHydration(form)
  const input = form.locator('input[name=max_amount]')
  const was = await input.inputValue()
  if (yuan !== null) {
    await input.fill(yuan)
    await form.locator('button[type=submit]').click()
    await expect(adminPage.getByTestId('settings-saved')).toBeVisible()
  }
  return was
}

/*
 * The form checks the amount against the limit it was drawn with; a manager lowering the limit
 * meanwhile made the server refuse with the form's own copy of the old limit. Now the refusal is a
 * stale one: the form is drawn again with the limit in force, which the message names.
 */
test('a limit lowered while the form was open is named as it now is, the amount kept', async ({
  cashierPage,
  adminPage,
}) => {
  const desk = new FrontDesk(cashierPage)
  await desk.open()
  const bill = uniqueBill('MAX')
  await desk.fill(bill, '9500.00')
  const was = await setMaxAmount(adminPage, '9000.00')
  try {
    await cashierPage.getByTestId('charge-submit').click()
    await expect(desk.error()).toHaveText(/单笔上限已调整为 ¥9,000\.00，本次金额超过了它/)
    await expect(cashierPage.getByTestId('field-error-amount')).toHaveText(
      '金额超过单笔上限 ¥9,000.00，请核对，或请店长调整上限。',
    )
    await expect(cashierPage.locator('input[name=amount]')).toHaveValue('9500.00')
    await expect(cashierPage.locator('input[name=drawn_max_fen]')).toHaveValue('900000')
    expect(await createRequestsFor(bill)).toHaveLength(0)
    await cashierPage.screenshot({ path: shot('max-lowered-1280') })
    await cashierPage.setViewportSize({ width: 390, height: 844 })
    await cashierPage.screenshot({ path: shot('max-lowered-390'), fullPage: true })
  } finally {
    await setMaxAmount(adminPage, was)
  }
})

/*
 * A bill with an open charge at station A, taken again at station B: it was resumed, so its QR
 * showed on A's tablet and the money went to A's accounts while the customer stood at B. Now B is
 * told where the charge is, and can cancel it and take the payment here.
 */
test('a bill open at another station is not resumed here: named, with 取消该收款', async ({
  browser,
  cashierPage,
}) => {
  test.setTimeout(60_000)
  await readySandbox()
  const admin = await rolePage(browser, 'admin')
  const nameA = uniqueBill('STA')
  const nameB = uniqueBill('STB')
  const stationA = await addStation(admin, nameA)
  await addStation(admin, nameB)
  await admin.context().close()
  const bill = uniqueBill('ELSE')
  const openAtA = await chargeAt(cashierPage, stationA, bill, '30.00', 'pending')

  const desk = new FrontDesk(cashierPage)
  for (const amount of ['30.00', '31.00']) {
    await desk.charge(bill, amount, 'SCAN_WEIXIN', nameB)
    const refusal = cashierPage.getByTestId('charge-other-station')
    await expect(refusal).toContainText(
      `此单正在「${nameA}」收款（¥30.00），二维码在该台的顾客屏上。请到该台继续，或取消该收款后在本台重新收款。`,
    )
    await expect(cashierPage.getByTestId('resume-charge')).toHaveCount(0)
    await expect(cashierPage).toHaveURL(/\/charge\/new$/)
  }
  expect(await createRequestsFor(bill)).toHaveLength(1)
  await cashierPage.screenshot({ path: shot('other-station-1280') })
  await cashierPage.setViewportSize({ width: 390, height: 844 })
  await cashierPage.getByTestId('charge-other-station').scrollIntoViewIfNeeded()
  await cashierPage.screenshot({ path: shot('other-station-390') })
  await cashierPage.setViewportSize({ width: 1280, height: 800 })

  await cashierPage.getByTestId('cancel-open-charge').click()
  await expect(cashierPage.getByTestId('charge-other-station').getByText('已关闭')).toBeVisible()
  await cashierPage.getByTestId('charge-submit').click()
  await expect(desk.qr()).toBeVisible()
  expect(await createRequestsFor(bill)).toHaveLength(2)
  const atB = await chargeIdOf(cashierPage)
  expect(atB).not.toBe(openAtA)
  await cancelCharges(browser, [atB])
})

/*
 * A switch pressed on a charge that has already ended (cancelled in another tab, timed out) makes
 * nothing: before commit 4adfbde the switch's close found it closed and created a second charge for
 * the bill from a button that said switch. A live screen learns of the end within moments, so this
 * one is made to miss every update: its stream and its polls of the charge fail.
 */
test('a switch on a charge that ended unseen creates nothing and says so, with 重新收款', async ({
  cashierPage: page,
}) => {
  let missed = 0
  await page.route('**/api/charges/**', (route) => {
    missed += 1
    return route.abort()
  })
  const desk = new FrontDesk(page)
  const bill = uniqueBill('STALESW')
  await desk.charge(bill, '45.00', 'SCAN_WEIXIN')
  await expect(desk.qr()).toBeVisible()
  await expect(page).toHaveURL(/\/charge\/[0-9a-f-]{36}$/)

  // The charge is cancelled in another tab, which this one never hears of.
  const other = await page.context().newPage()
  await other.goto(page.url())
  await cancelOnChargeScreen(other)
  await expect(other.getByTestId('charge-status')).toHaveAttribute('data-status', 'closed')
  await other.close()
  await expect(desk.qr(), 'the screen still shows the ended charge open').toBeVisible()
  expect(missed, 'the screen asked for updates and got none').toBeGreaterThan(0)

  await page.getByTestId('charge-switch').click()
  await expect(page.getByTestId('charge-action-error')).toHaveText(
    '这笔收款已经结束（已关闭），没有切换支付方式。本页已更新为它现在的状态；如需再收款，请按“重新收款”。',
  )
  await expect(page.getByTestId('charge-retry')).toBeVisible()
  await desk.expectStatus('closed')
  for (const [width, height] of STAFF_SIZES) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: shot(`stale-switch-${width}`), fullPage: true })
  }
  expect(await createRequestsFor(bill), 'no second create for the bill').toHaveLength(1)
})
