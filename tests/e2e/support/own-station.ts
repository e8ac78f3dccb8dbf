import { expect, type Browser, type Page } from '@playwright/test'
import type { PayWay } from '@/lib/dms/types'
import { waitForHydration } from '@/tests/support/hydration'
import { chargeIdOf, FrontDesk } from './charge-page'
import { storageStateFor, type E2ERole } from './config'
import { sandbox, uniqueBill } from './sandbox'
import { cancelOnChargeScreen } from './cancel-charge'

/*
 * A station of the spec's own. Charges left open sit on their station's customer tablet and in its
 * "today" list; on a station nobody else uses they cannot surprise another spec (tablet.spec.ts and
 * charge-duplicates.spec.ts look at the first station, 前台 1).
 */

export async function rolePage(browser: Browser, role: E2ERole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role) })
  return context.newPage()
}

/** The sandbox as charges need it: no faults left over, no daily limit in the way. */
export async function readySandbox() {
  await sandbox.settings({ payerDailyLimit: 100_000 })
  await sandbox.clearFaults()
}

/** Adds a station on the admin page; returns its id. */
export async function addStation(adminPage: Page, name: string): Promise<string> {
  await adminPage.goto('/admin/stations')
  const form = adminPage.getByTestId('add-station-form')
  await waitForHydration(form)
  await form.locator('input[name=name]').fill(name)
  await expect(form.locator('input[name=name]')).toHaveValue(name)
  await form.getByTestId('add-station').click()
  const row = adminPage.getByTestId('station-row').filter({ hasText: name })
  await expect(row).toBeVisible()
  return (await row.getAttribute('data-station-id'))!
}

export async function newStation(browser: Browser, tag: string): Promise<string> {
  const admin = await rolePage(browser, 'admin')
  const id = await addStation(admin, uniqueBill(tag))
  await admin.context().close()
  return id
}

/** A charge taken at `stationId` (WeChat unless `way` says otherwise) and driven to an outcome; returns its id. */
export async function chargeAt(
  page: Page,
  stationId: string,
  bill: string,
  amount: string,
  outcome: 'pending' | 'paid' | 'failed',
  {
    way = 'SCAN_WEIXIN',
    dmsMessage = '银行卡余额不足',
  }: { way?: PayWay; dmsMessage?: string } = {},
): Promise<string> {
  const desk = new FrontDesk(page)
  await desk.open()
  await desk.fill(bill, amount, way)
  await page.locator('select[name=station_id]').selectOption(stationId)
  await page.getByTestId('charge-submit').click()
  await desk.qr().waitFor()
  const [order] = await sandbox.waitForOrders(bill)
  if (outcome === 'paid') await sandbox.pay(order!.bizOrderNo)
  if (outcome === 'failed') await sandbox.fail(order!.bizOrderNo, dmsMessage)
  if (outcome !== 'pending') await desk.expectStatus(outcome)
  return chargeIdOf(page)
}

/** Cancels the charges a spec left open, as the cashier would. */
export async function cancelCharges(browser: Browser, ids: string[]) {
  const page = await rolePage(browser, 'cashier')
  for (const id of ids) {
    await page.goto(`/charge/${id}`)
    const status = page.getByTestId('charge-status')
    await status.waitFor()
    if (!['pending', 'paying', 'creating'].includes((await status.getAttribute('data-status'))!)) {
      continue
    }
    await cancelOnChargeScreen(page)
    await expect(status).toHaveAttribute('data-status', 'closed', { timeout: 15_000 })
  }
  await page.context().close()
}
