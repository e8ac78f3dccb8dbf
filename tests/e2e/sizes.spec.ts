import type { Page } from '@playwright/test'
import { FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { expectFits, expectNothingClipped, expectWhollyOnScreen } from './support/fits'
import { sandbox, uniqueBill } from './support/sandbox'

/*
 * Item 6 of issue 15: every screen size a shop uses. At each: nothing wider than the screen, no
 * text cut off by its box, the navigation reachable (a menu where the row does not fit), labels on
 * one line (no 退出登/录), and the QR of a charge made right there (the screen shown in place after
 * 生成收款码) wholly on screen without scrolling. Screenshots of each — the form, the charge
 * waiting with its QR, then paid, today's list, an admin page — for people to look at.
 */
const SIZES = [
  [390, 844],
  [768, 1024],
  [1024, 768],
  [1280, 800],
  [1920, 1080],
] as const
const shot = (name: string) => `screenshots/size-${name}.png`

test.beforeAll(async () => {
  await sandbox.settings({ payerDailyLimit: 100_000 })
})

/** How many lines the text of each matching element takes, per text run (1 = not broken). */
async function lineCounts(page: Page, selector: string): Promise<Record<string, number>> {
  return page.locator(selector).evaluateAll((els) =>
    Object.fromEntries(
      els
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
          let most = 0
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent!.trim()) continue
            const range = document.createRange()
            range.selectNodeContents(n)
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
            most = Math.max(most, tops.size)
          }
          return [el.textContent!.trim(), most]
        }),
    ),
  )
}

/** The nav link, after opening the menu if the screen needs one. */
async function navLink(page: Page, name: string) {
  const link = page.getByRole('navigation').getByRole('link', { name })
  if (!(await link.isVisible())) await page.getByTestId('menu-button').click()
  await expect(link).toBeVisible()
  return link
}

test('the front desk at every size', async ({ cashierPage: page, adminPage }) => {
  // Five sizes, a charge made and paid at each.
  test.setTimeout(240_000)
  const desk = new FrontDesk(page)

  for (const [width, height] of SIZES) {
    const size = `${width}x${height}`
    await page.setViewportSize({ width, height })
    await adminPage.setViewportSize({ width, height })

    await desk.open()
    await expectFits(page)
    await expectNothingClipped(page)
    await page.screenshot({ path: shot(`${size}-form`) })
    const header = 'header a, header button, [data-testid=current-user] div, label, h1, h2'
    for (const [text, lines] of Object.entries(await lineCounts(page, header))) {
      expect(lines, `“${text}” on one line at ${size}`).toBe(1)
    }

    const bill = uniqueBill('SIZE')
    await desk.charge(bill, '1280.50')
    await desk.expectStatus('pending')
    await expect(page).toHaveURL(/\/charge\/[^/]+$/)
    await expectWhollyOnScreen(page, desk.qr())
    await expectFits(page)
    await expectNothingClipped(page)
    await page.screenshot({ path: shot(`${size}-pending`) })
    const [order] = await sandbox.waitForOrders(bill)
    await sandbox.pay(order!.bizOrderNo)
    await desk.expectStatus('paid')
    // The amount once at every size (the outcome panel's), not again in the details card.
    await expect(page.getByText('¥1,280.50', { exact: true })).toHaveCount(1)
    await expectFits(page)
    await expectNothingClipped(page)
    await page.screenshot({ path: shot(`${size}-paid`) })

    await (await navLink(page, '今日收款')).click()
    await expect(page).toHaveURL(/\/charge\/today$/)
    await expect(page.getByTestId('today-row').filter({ hasText: bill })).toBeVisible()
    await expectFits(page)
    await expectNothingClipped(page)
    await page.screenshot({ path: shot(`${size}-today`) })

    await adminPage.goto('/admin/users')
    await expectFits(adminPage)
    for (const [text, lines] of Object.entries(
      await lineCounts(adminPage, 'header a, header button'),
    )) {
      expect(lines, `admin “${text}” on one line at ${size}`).toBe(1)
    }
    await navLink(adminPage, '收银台')
    await adminPage.screenshot({ path: shot(`${size}-admin`) })
  }
})
