import type { Page } from '@playwright/test'
import { FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { sandbox, uniqueBill } from './support/sandbox'
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
