import type { Page } from '@playwright/test'
import { waitForHydration } from '@/tests/support/hydration'

/**
 * Cancels the charge on its screen the way a cashier does: 取消收款, then 确认取消 in the confirm
 * it opens. The one place specs and benches know the cancel takes two presses. On a screen just
 * loaded, 取消收款 opens nothing until React has taken it over.
 */
export async function cancelOnChargeScreen(page: Page, options: { timeout?: number } = {}) {
  const cancel = page.getByTestId('charge-cancel')
  await waitForHydration(cancel, options.timeout)
  await cancel.click(options)
  await page.getByTestId('charge-cancel-confirm').click(options)
}
