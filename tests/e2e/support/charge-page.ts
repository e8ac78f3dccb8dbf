import { expect, type Page } from '@playwright/test'
import { waitForHydration } from '@/tests/support/hydration'

type Way = 'SCAN_WEIXIN' | 'SCAN_ALIPAY'

const CHARGE_PATH = /\/charge\/([0-9a-f-]{36})$/

/**
 * The id of the charge a front-desk page shows, from its address. Waited for, not read: the address
 * becomes /charge/<id> just after the charge's screen is painted (charge-flow.tsx), so in the frame
 * a test first sees the QR or the status it may still read /charge/new.
 */
export async function chargeIdOf(page: Page): Promise<string> {
  await expect(page).toHaveURL(CHARGE_PATH)
  return CHARGE_PATH.exec(new URL(page.url()).pathname)![1]!
}

/** The front desk as a cashier uses it, through the stable hooks. */
export class FrontDesk {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/charge/new')
    await expect(this.page.locator('input[name=bz_order]')).toBeVisible()
    // Before React takes the form over, 收款 submits it as a plain GET: the form comes back filled in
    // and no charge is made.
    await waitForHydration(this.form())
  }

  form() {
    return this.page.locator('form:has(input[name=bz_order])')
  }

  async fill(bill: string, amount: string, way: Way = 'SCAN_WEIXIN', station?: string) {
    if (station) await this.page.locator('select[name=station_id]').selectOption({ label: station })
    await this.page.locator('input[name=bz_order]').fill(bill)
    await this.page.locator('input[name=amount]').fill(amount)
    await this.page.locator(`input[name=pay_way][value=${way}]`).check({ force: true })
  }

  async charge(bill: string, amount: string, way: Way = 'SCAN_WEIXIN', station?: string) {
    await this.open()
    await this.fill(bill, amount, way, station)
    await this.page.getByTestId('charge-submit').click()
  }

  status() {
    return this.page.getByTestId('charge-status')
  }

  async expectStatus(status: string, timeout = 15_000) {
    await expect(this.status()).toHaveAttribute('data-status', status, { timeout })
  }

  qr() {
    return this.page.getByTestId('charge-qr')
  }

  error() {
    return this.page.getByTestId('charge-error')
  }
}
