import type { Page } from '@playwright/test'

/**
 * Cancels the charge on its screen the way a cashier does: 取消收款, then 确认取消 in the confirm
 * it opens. The one place specs and benches know the cancel takes two presses.
 */
export async function cancelOnChargeScreen(page: Page, options: { timeout?: number } = {}) {
  await page.getByTestId('charge-cancel').click(options)
  await page.getByTestId('charge-cancel-confirm').click(options)
}
