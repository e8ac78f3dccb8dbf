import { FrontDesk } from './support/charge-page'
import { takePayment } from './support/charges'
import { expect, test } from './support/fixtures'
import { sandbox, uniqueBill } from './support/sandbox'

/*
 * Item 5 of issue 15: the day's paid total stands out on the today list, which follows the feed
 * like the charge screen (and says so when it has lost the server); a cashier finds a bill of the
 * station and re-opens it (a paid one, to print its receipt). The 30-day window itself is proven in
 * lib/charges/station-charges.test.ts.
 */
test('the paid total stands out, and a bill is found and re-opened to print', async ({
  cashierPage: page,
}) => {
  const bill = uniqueBill('FIND')
  const id = await takePayment(page, bill, '66.60', 'paid')

  await page.goto('/charge/today')
  const total = page.getByTestId('today-total')
  // At least this payment (other tests of the day add theirs).
  expect(Number(await total.getAttribute('data-fen'))).toBeGreaterThanOrEqual(6660)
  const size = await total
    .locator('.tabular')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(size).toBeGreaterThanOrEqual(28)

  await page.getByRole('searchbox').fill(bill.slice(5).toLowerCase())
  await page.getByRole('searchbox').press('Enter')
  const row = page.getByTestId('bill-search-row')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(bill)
  await expect(row).toContainText('已收款')
  await page.screenshot({ path: 'screenshots/today-search.png' })
  await row.click()
  await expect(page).toHaveURL(new RegExp(`/charge/${id}$`))
  await expect(page.getByTestId('print-receipt')).toBeVisible()

  await page.goto('/charge/today?q=NO-SUCH-BILL-ANYWHERE')
  await expect(page.getByTestId('bill-search-empty')).toContainText('NO-SUCH-BILL-ANYWHERE')
})

test('the today list follows the station live, and says when it has lost the server', async ({
  cashierPage: list,
}) => {
  await list.goto('/charge/today')
  const total = list.getByTestId('today-total')
  const before = (await total.count()) ? Number(await total.getAttribute('data-fen')) : 0
  // Another screen of the station takes a payment; the list is not reloaded.
  const desk = new FrontDesk(await list.context().newPage())
  const bill = uniqueBill('LIVE')
  await desk.charge(bill, '12.34')
  const row = list.getByTestId('today-row').filter({ hasText: bill })
  await expect(row).toHaveAttribute('data-status', 'pending')
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.pay(order!.bizOrderNo)
  await expect(row).toHaveAttribute('data-status', 'paid')
  await expect(total).toHaveAttribute('data-fen', String(before + 1234))
  // Only the list's own requests may have brought it: no navigation since the first load.
  expect(list.url()).toMatch(/\/charge\/today$/)

  await list.context().setOffline(true)
  await expect(list.getByTestId('connection')).toHaveAttribute('data-state', 'offline', {
    timeout: 3_000,
  })
  await list.context().setOffline(false)
  await expect(list.getByTestId('connection')).toHaveCount(0, { timeout: 5_000 })
})
