import type { Page } from '@playwright/test'
import { takePayment } from './support/charges'
import { expect, test } from './support/fixtures'
import { uniqueBill } from './support/sandbox'

/*
 * Item 8 of issue 15: a paid charge prints its receipt from its screen and from the manager's detail
 * page, laid out for 58 mm and 80 mm rolls and A4, and later copies say they are reprints. The print
 * dialog itself is the browser's: the test counts window.print() calls, then renders the page as a
 * printer would (print media, a PDF of the page size the print CSS asks for).
 */
const shot = (name: string) => `screenshots/receipt-${name}.png`
const MM = 72 / 25.4 // PDF points per millimetre

async function countPrints(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __prints: number }
    w.__prints = 0
    window.print = () => {
      w.__prints += 1
    }
  })
}
const prints = (page: Page) =>
  page.evaluate(() => (window as unknown as { __prints: number }).__prints)

/** The page width of the PDF the print CSS lays out, in mm. */
async function pdfWidthMm(page: Page): Promise<number> {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString(
    'latin1',
  )
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)
  expect(box, 'a MediaBox in the PDF').not.toBeNull()
  return Number(box![1]) / MM
}

async function printAs(page: Page, paper: '58' | '80' | 'a4', copy: number) {
  await page.emulateMedia({ media: 'screen' })
  await page.getByTestId('receipt-paper').selectOption(paper)
  await page.getByTestId('print-receipt').click()
  await expect.poll(() => prints(page)).toBe(copy)
  await page.emulateMedia({ media: 'print' })
  const receipt = page.getByTestId('receipt')
  await expect(receipt).toBeVisible()
  await expect(receipt).toHaveAttribute('data-paper', paper)
}

test('a paid charge prints its receipt on 58 mm, 80 mm and A4; later copies are reprints', async ({
  cashierPage: page,
  managerPage,
}) => {
  await countPrints(page)
  const bill = uniqueBill('RCPT')
  const id = await takePayment(page, bill, '128.50', 'paid')

  await printAs(page, '58', 1)
  const receipt = page.getByTestId('receipt')
  for (const text of [
    bill,
    '¥128.50',
    '微信支付',
    '收银员小王',
    '前台 1',
    '付款时间',
    'DMS 订单号',
  ]) {
    await expect(receipt).toContainText(text)
  }
  await expect(page.getByTestId('receipt-reprint')).toHaveCount(0)
  // In print, the receipt is all there is: the staff navigation is not printed.
  await expect(page.getByRole('navigation').first()).not.toBeVisible()
  await page.screenshot({ path: shot('58') })
  expect(await pdfWidthMm(page)).toBeCloseTo(58, 0)

  await printAs(page, '80', 2)
  await expect(page.getByTestId('receipt-reprint')).toContainText('重印 · 第 2 份')
  await page.screenshot({ path: shot('80') })
  expect(await pdfWidthMm(page)).toBeCloseTo(80, 0)

  await countPrints(managerPage)
  await managerPage.goto(`/charges/${id}`)
  await printAs(managerPage, 'a4', 1)
  await expect(managerPage.getByTestId('receipt-reprint')).toContainText('第 3 份')
  await managerPage.screenshot({ path: shot('a4') })
  expect(await pdfWidthMm(managerPage)).toBeCloseTo(210, 0)
})
