import type { Page } from '@playwright/test'
import { FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { uniqueBill } from './support/sandbox'

/*
 * Item 6 of issue 15: every screen size a shop uses. At each: nothing wider than the screen, the
 * navigation reachable (a menu where the row does not fit), labels on one line (no 退出登/录), and
 * the QR inside the screen. Screenshots of each, for people to look at.
 */
const SIZES = [
  [390, 844],
  [768, 1024],
  [1024, 768],
  [1280, 800],
  [1920, 1080],
] as const
const shot = (name: string) => `screenshots/size-${name}.png`

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

async function expectFits(page: Page) {
  const { scroll, inner, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
    // What sticks out, named so a failure says where to look.
    wide: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 120)),
  }))
  expect(
    scroll,
    `page no wider than the screen; sticking out: ${wide.join(' | ')}`,
  ).toBeLessThanOrEqual(inner)
}

/** The nav link, after opening the menu if the screen needs one. */
async function navLink(page: Page, name: string) {
  const link = page.getByRole('navigation').getByRole('link', { name })
  if (!(await link.isVisible())) await page.getByTestId('menu-button').click()
  await expect(link).toBeVisible()
  return link
}

test('the front desk at every size', async ({ cashierPage: page, adminPage }) => {
  test.setTimeout(120_000)
  const desk = new FrontDesk(page)
  await desk.charge(uniqueBill('SIZE'), '128.50')
  await expect(desk.qr()).toBeVisible()
  const chargeUrl = page.url()

  for (const [width, height] of SIZES) {
    const size = `${width}x${height}`
    await page.setViewportSize({ width, height })
    await adminPage.setViewportSize({ width, height })

    await page.goto('/charge/new')
    await expectFits(page)
    await page.screenshot({ path: shot(`${size}-form`) })
    const header = 'header a, header button, [data-testid=current-user] div, label, h1, h2'
    for (const [text, lines] of Object.entries(await lineCounts(page, header))) {
      expect(lines, `“${text}” on one line at ${size}`).toBe(1)
    }
    await (await navLink(page, '今日收款')).click()
    await expect(page).toHaveURL(/\/charge\/today$/)
    await expectFits(page)
    await page.screenshot({ path: shot(`${size}-today`) })

    await page.goto(chargeUrl)
    await expect(desk.qr()).toBeVisible()
    await expectFits(page)
    const qr = (await desk.qr().boundingBox())!
    expect(qr.x).toBeGreaterThanOrEqual(0)
    expect(qr.x + qr.width).toBeLessThanOrEqual(width)
    await page.screenshot({ path: shot(`${size}-charge`) })

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
