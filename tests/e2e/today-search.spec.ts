import { takePayment } from './support/charges'
import { expect, test } from './support/fixtures'
import { uniqueBill } from './support/sandbox'

/*
 * Item 5 of issue 15 (the part without the live feed): the day's paid total stands out on the today
 * list, and a cashier finds a bill of the station and re-opens it (a paid one, to print its receipt).
 * The 30-day window itself is proven in lib/charges/station-search.test.ts.
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
