import { expect, type Page } from '@playwright/test'
import { beijingDay, beijingDayStart } from '@/lib/charges/beijing-day'
import { chargeIdOf, FrontDesk } from './charge-page'
import { storageStateFor } from './config'
import { sandbox } from './sandbox'
import { cancelOnChargeScreen } from './cancel-charge'

export type Outcome = 'paid' | 'failed' | 'closed' | 'pending' | 'paid-after-cancel'

/** Takes a payment at the front desk and drives it to an outcome through the sandbox, as in a shop. */
export async function takePayment(
  page: Page,
  bill: string,
  amount: string,
  outcome: Outcome,
  way: 'SCAN_WEIXIN' | 'SCAN_ALIPAY' = 'SCAN_WEIXIN',
): Promise<string> {
  const desk = new FrontDesk(page)
  await desk.charge(bill, amount, way)
  await desk.qr().waitFor()
  const [order] = await sandbox.waitForOrders(bill)
  if (outcome === 'paid') await sandbox.pay(order!.bizOrderNo)
  if (outcome === 'failed') await sandbox.fail(order!.bizOrderNo, '银行卡余额不足')
  if (outcome === 'closed') await cancelOnChargeScreen(page)
  if (outcome === 'paid-after-cancel') {
    // The customer pays while the cashier's status checks are stuck, then the cashier cancels: the
    // payment beats the cancel, and the charge needs a manager.
    await sandbox.addFault({ endpoint: 'query', mode: 'hang' })
    await sandbox.pay(order!.bizOrderNo)
    await cancelOnChargeScreen(page)
    await desk.expectStatus('paid')
    await sandbox.clearFaults()
  } else if (outcome !== 'pending') await desk.expectStatus(outcome)
  return chargeIdOf(page)
}

/**
 * The charge of `bill` (taken at `takenAt`, epoch ms) on the cashier's today list. Today is the
 * Beijing day: if midnight passed since the charge was taken, the list has rightly started over, and
 * the charge is looked for on the manager's list of the day it was taken instead, so the assertion
 * holds at any hour the suite runs (today-list.spec.ts proves the midnight itself).
 */
export async function expectOnTodayList(page: Page, bill: string, takenAt: number) {
  await page.goto('/charge/today')
  const row = page.getByTestId('today-row').filter({ hasText: bill })
  if (beijingDayStart(takenAt) === beijingDayStart(Date.now())) {
    await expect(row).toBeVisible()
    return
  }
  const day = beijingDay(takenAt)
  const manager = await page
    .context()
    .browser()!
    .newContext({ storageState: storageStateFor('manager') })
  const list = await manager.newPage()
  await list.goto(`/charges?q=${encodeURIComponent(bill)}&from=${day}&to=${day}`)
  await expect(list.getByTestId('charge-row')).toHaveCount(1)
  await manager.close()
}
