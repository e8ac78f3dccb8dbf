import type { Page } from '@playwright/test'
import { takePayment } from './support/charges'
import { expect, test } from './support/fixtures'
import { readySandbox } from './support/own-station'
import { markDocument, sameDocument } from './support/same-document'
import { sandbox, uniqueBill } from './support/sandbox'
import { waitForHydration } from '@/tests/support/hydration'

/*
 * The staff header as it behaves, kept while its code leaves the pages' first load (issue 14): its
 * links change the page without loading a new one, the current one marked; the count beside
 * 待处理 follows the charges that need a manager without a reload.
 */

test.beforeAll(readySandbox)

test.afterEach(async () => {
  await sandbox.clearFaults()
})

async function navCount(page: Page): Promise<number> {
  const badge = page.getByRole('navigation').getByTestId('nav-attention-count')
  return (await badge.count()) ? Number(await badge.textContent()) : 0
}

test('the header links change the page without loading a new one', async ({ managerPage }) => {
  const page = managerPage
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/charge/today')
  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('link', { name: '今日收款' })).toHaveAttribute('aria-current', 'page')
  await markDocument(page)
  // The header's links move within the page once React has them; before, a click loads a new one.
  await waitForHydration(nav)

  await nav.getByRole('link', { name: '收款记录' }).click()
  await expect(page).toHaveURL(/\/charges$/)
  await expect(nav.getByRole('link', { name: '收款记录' })).toHaveAttribute('aria-current', 'page')
  await expect(nav.getByRole('link', { name: '今日收款' })).not.toHaveAttribute('aria-current')
  // By keyboard too.
  await nav.getByRole('link', { name: '交班' }).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/handover$/)
  await expect(nav.getByRole('link', { name: '交班' })).toHaveAttribute('aria-current', 'page')
  expect(await sameDocument(page), 'no new document loaded').toBe(true)

  // A click with Ctrl/⌘ is the browser's: a new tab, this page stays where it is.
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    nav.getByRole('link', { name: '收款记录' }).click({ modifiers: ['ControlOrMeta'] }),
  ])
  await expect(tab).toHaveURL(/\/charges$/)
  await tab.close()
  await expect(page).toHaveURL(/\/handover$/)

  // On a phone the menu closes once a link is followed.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByTestId('menu-button').click()
  await expect(page.getByTestId('menu-button')).toHaveAttribute('aria-expanded', 'true')
  await nav.getByRole('link', { name: '今日收款' }).click()
  await expect(page).toHaveURL(/\/charge\/today$/)
  await expect(page.getByTestId('menu-button')).toHaveAttribute('aria-expanded', 'false')
  await expect(nav).toBeHidden()
  expect(await sameDocument(page), 'no new document loaded').toBe(true)
})

test('the count beside 待处理 follows the charges that need a manager, without a reload', async ({
  cashierPage,
  managerPage,
}) => {
  await managerPage.setViewportSize({ width: 1280, height: 800 })
  await managerPage.goto('/charge/today')
  await markDocument(managerPage)
  const before = await navCount(managerPage)

  // A payment that beats the cancel: paid after cancel, needs a manager.
  const bill = uniqueBill('NAVCOUNT')
  await takePayment(cashierPage, bill, '12.00', 'paid-after-cancel')

  await expect.poll(() => navCount(managerPage), { timeout: 15_000 }).toBeGreaterThan(before)
  expect(await sameDocument(managerPage), 'the count came without a reload').toBe(true)

  // Handled, so that it does not stay on the shared server's list; the count follows it down at
  // once: the review is published on the feed (lib/charges/queries/recheck.ts), well before the
  // stream's own recount every 15 s (lib/polling/attention.ts).
  const raised = await navCount(managerPage)
  await managerPage.goto('/attention')
  const row = managerPage.getByTestId('attention-row').filter({ hasText: bill })
  await expect(row).toHaveAttribute('data-reasons', /paid-after-cancel/)
  await markDocument(managerPage)
  await waitForHydration(row.getByTestId('attention-reviewed'))
  await row.getByTestId('attention-reviewed').click()
  await expect(row).toHaveCount(0)
  await expect.poll(() => navCount(managerPage), { timeout: 5_000 }).toBeLessThan(raised)
  expect(await sameDocument(managerPage), 'the count came without a reload').toBe(true)
})
