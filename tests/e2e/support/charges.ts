import type { Page } from '@playwright/test'
import { FrontDesk } from './charge-page'
import { sandbox } from './sandbox'

export type Outcome = 'paid' | 'failed' | 'closed' | 'pending'

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
  if (outcome === 'closed') await page.getByTestId('charge-cancel').click()
  if (outcome !== 'pending') await desk.expectStatus(outcome)
  return page.url().split('/').pop()!
}
