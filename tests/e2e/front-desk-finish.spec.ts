import type { Page } from '@playwright/test'
import { cancelOnChargeScreen } from './support/cancel-charge'
import { FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { linesOfText } from './support/fits'
import { refuseNextPayment, sandbox, uniqueBill } from './support/sandbox'
import { E2E } from './support/config'
import { LOCALE_COOKIE, type Locale } from '@/lib/locale'

/*
 * What a look at the front desk and the tablet, in both languages and at the shop's screen sizes,
 * found unfinished: each test one thing that looked wrong, seen failing before its fix.
 */

const shot = (name: string) => `screenshots/finish-${name}.png`

test.afterEach(async () => {
  await sandbox.clearFaults()
})

function speak(page: Page, locale: Locale) {
  return page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: E2E.baseUrl }])
}

/** A bill as a shop's DMS writes them (WX + date + number, 15 characters), unique to this run. */
function dmsBill() {
  const n = uniqueBill('X').split('-').pop()!.padStart(4, '0')
  return `WX${Date.now().toString().slice(-8)}-${n.slice(-4)}`
}

/** How far the status's boxes reach past the right edge of its card (≤ 0: inside it). */
function statusOverhang(page: Page) {
  return page.getByTestId('charge-status').evaluate((el) => {
    const card = el.parentElement!.getBoundingClientRect()
    const right = Math.max(
      ...[el, ...el.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right),
    )
    return Math.round(right - card.right)
  })
}

test('the charge screen’s status stays inside its card on a phone, in both languages', async ({
  cashierPage: page,
}) => {
  // English "Waiting for the customer to scan" ran off the card and the screen at 390 px.
  await page.setViewportSize({ width: 390, height: 844 })
  const desk = new FrontDesk(page)
  for (const locale of ['en', 'zh-CN'] as const) {
    await speak(page, locale)
    const bill = uniqueBill('FIT')
    await desk.charge(bill, '1280.50')
    await desk.expectStatus('pending')
    expect(await statusOverhang(page), `${locale}, waiting`).toBeLessThanOrEqual(0)
    const [order] = await sandbox.waitForOrders(bill)
    await sandbox.scan(order!.bizOrderNo)
    await desk.expectStatus('paying')
    expect(await statusOverhang(page), `${locale}, confirming`).toBeLessThanOrEqual(0)
    await page.screenshot({ path: shot(`${locale}-390-confirming`) })
    await sandbox.close(order!.bizOrderNo)
    await desk.expectStatus('closed')
  }
})

test('today’s list keeps a bill number on one line beside any status, on a phone, in English', async ({
  cashierPage: page,
}) => {
  // "Not accepted by DMS", "Waiting for scan" squeezed WX20261205-0001 onto two or three lines.
  await speak(page, 'en')
  await page.setViewportSize({ width: 390, height: 844 })
  const desk = new FrontDesk(page)
  const waiting = dmsBill()
  await desk.charge(waiting, '1280.50')
  await desk.expectStatus('pending')
  const refused = dmsBill()
  await refuseNextPayment(2007, '付款会员当日支付笔数超限')
  await desk.charge(refused, '1280.50')
  await desk.expectStatus('refused')
  await page.goto('/charge/today')
  for (const [bill, status] of [
    [waiting, 'Waiting for scan'],
    [refused, 'Not accepted by DMS'],
  ] as const) {
    const row = page.getByTestId('today-row').filter({ hasText: bill })
    await expect(row).toContainText(status)
    expect(await linesOfText(row, new RegExp(bill)), `${bill} beside “${status}”`).toBe(1)
  }
  await page.screenshot({ path: shot('en-390-today') })
  const [order] = await sandbox.waitForOrders(waiting)
  await sandbox.close(order!.bizOrderNo)
})

test('the new-charge card ends with its form, however long today’s list beside it', async ({
  cashierPage: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const desk = new FrontDesk(page)
  const bill = uniqueBill('BAND')
  await desk.charge(bill, '12.00')
  await desk.expectStatus('pending')
  await desk.open()
  // A busy day: the list at its 20 rows, as many as the form's side shows.
  const list = page.locator('section[aria-labelledby=today-heading] ul')
  await list.evaluate((ul) => {
    while (ul.children.length < 20) ul.append(ul.firstElementChild!.cloneNode(true))
  })
  const band = await page.locator('form:has([data-testid=charge-submit])').evaluate((form) => {
    const card = form.closest('section')!.getBoundingClientRect()
    const last = Math.max(
      ...[...form.closest('section')!.querySelectorAll('*')].map(
        (e) => e.getBoundingClientRect().bottom,
      ),
    )
    return Math.round(card.bottom - last)
  })
  // The card's own padding (p-8) below its last line, no more.
  expect(band, 'empty space at the bottom of the form’s card').toBeLessThanOrEqual(40)
  await page.screenshot({ path: shot('1280-form-busy'), fullPage: true })
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.close(order!.bizOrderNo)
})

test('a setup refusal points at its reason where it is: above', async ({ cashierPage: page }) => {
  const desk = new FrontDesk(page)
  for (const [locale, action] of [
    ['zh-CN', '请把上面的原因告诉店长'],
    ['en', 'Tell the manager the reason above'],
  ] as const) {
    await speak(page, locale)
    await refuseNextPayment(2007, '付款会员当日支付笔数超限')
    await desk.charge(uniqueBill('ABOVE'), '12.00')
    await desk.expectStatus('refused')
    const panel = page.getByTestId('charge-refused')
    // The reason as the screen words it (lib/dms/error-text.ts), the first line of the error.
    const reason = panel.getByTestId('charge-error').locator('p').first()
    const said = panel.getByText(action)
    await expect(said).toBeVisible()
    const [r, s] = [await reason.boundingBox(), await said.boundingBox()]
    expect(r!.y, `${locale}: the reason above the sentence that names it`).toBeLessThan(s!.y)
  }
})

test('the paid-bill page without a bill goes to the form, never “单号 已付款”', async ({
  cashierPage: page,
}) => {
  for (const path of ['/charge/paid', '/charge/paid?bill=', '/charge/paid?bill=%20%20']) {
    await page.goto(path)
    await expect(page, path).toHaveURL(/\/charge\/new$/)
  }
})

test('the staff header’s home link is a tap target on a phone', async ({ cashierPage: page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/charge/today')
  const box = (await page.locator('header a[href="/"]').boundingBox())!
  expect(box.height, 'the shop name’s link').toBeGreaterThanOrEqual(44)
})

test('the tablet’s demo ribbon speaks the shop’s language, not the browser’s', async ({
  browser,
}) => {
  for (const locale of ['en', 'zh-CN'] as const) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } })
    await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: E2E.baseUrl }])
    const tablet = await context.newPage()
    await tablet.goto('/display')
    await tablet.getByTestId('pair-screen').waitFor()
    const shop = await tablet.locator('[lang]:not(html)').first().getAttribute('lang')
    await expect(
      tablet.getByTestId('sandbox-ribbon'),
      `${locale} browser, ${shop} shop`,
    ).toHaveText(shop === 'en' ? 'Demo mode — not real payments' : '演示模式 — 不是真实收款')
    await context.close()
  }
})

test('a cancelled charge says the cashier cancelled it, the word on the button pressed', async ({
  cashierPage: page,
}) => {
  // 取消收款 / Cancel payment, answered by “… 关闭了这个收款码” / “… closed this QR”.
  const desk = new FrontDesk(page)
  for (const [locale, button, said, title] of [
    ['zh-CN', '取消收款', '取消了这笔收款', '收款已关闭'],
    ['en', 'Cancel payment', 'cancelled this payment', 'Payment closed'],
  ] as const) {
    await speak(page, locale)
    await desk.charge(uniqueBill('CANCEL'), '12.00')
    await desk.expectStatus('pending')
    await expect(page.getByTestId('charge-cancel')).toContainText(button)
    await cancelOnChargeScreen(page)
    await desk.expectStatus('closed')
    await expect(page.getByTestId('charge-close-reason'), locale).toContainText(said)
    // A cancel keeps its own title; only a QR the timeout closed says it expired.
    await expect(page.getByText(title, { exact: true }), locale).toBeVisible()
  }
})

test('a paid charge’s next steps on a phone: one column of full-width buttons, not a ragged edge', async ({
  cashierPage: page,
}) => {
  // 新的收款, 打印小票 and 今日收款 were each their own width, stacked down the left at 390 px.
  await page.setViewportSize({ width: 390, height: 844 })
  const desk = new FrontDesk(page)
  for (const locale of ['en', 'zh-CN'] as const) {
    await speak(page, locale)
    const bill = uniqueBill('STEPS')
    await desk.charge(bill, '12.00')
    const [order] = await sandbox.waitForOrders(bill)
    await sandbox.pay(order!.bizOrderNo)
    await desk.expectStatus('paid')
    const steps = [
      page.getByTestId('charge-new'),
      // The receipt's row: its button, and the paper beside it where both fit (中文) or under it.
      page.getByTestId('print-receipt').locator('..'),
      page.getByRole('link', { name: locale === 'en' ? 'Today' : '今日收款', exact: true }),
    ]
    const card = (await page.getByTestId('charge-bill').locator('xpath=../..').boundingBox())!
    for (const step of steps) {
      const box = (await step.boundingBox())!
      const where = `${locale}: “${await step.textContent()}” ${Math.round(box.x)}+${Math.round(box.width)}`
      expect(Math.round(box.x), where).toBe(Math.round(card.x))
      expect(Math.round(box.x + box.width), where).toBe(Math.round(card.x + card.width))
    }
    await page.screenshot({ path: shot(`${locale}-390-paid`) })
  }
})
