import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'

/*
 * The front desk through a real Chromium: creating a charge is a server action behind a form, which
 * only a browser submits the way a cashier does.
 */

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}

/** A context signed in through the login form; its pages and its `request` share the session. */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  username = 'cashier',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
  })
  const page = await context.newPage()
  await page.goto('/login')
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill('demo1234')
  await page.locator('input[name=password]').press('Enter')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  await page.close()
  return context
}

/** The shop's cashier timeout (1–60 min), set by the admin on the settings page. */
export async function setCashierTimeout(browser: Browser, baseUrl: string, minutes: number) {
  const admin = await signedInContext(browser, baseUrl, 'admin')
  const page = await admin.newPage()
  await page.goto('/admin/settings')
  await page.locator('input[name=cashier_timeout_min]').fill(String(minutes))
  await page.getByTestId('settings-submit').click()
  await page.getByTestId('settings-saved').waitFor()
  await admin.close()
}

export type Submitted = { ok: true; id: string } | { ok: false; reason: string }

const CHARGE_URL = /\/charge\/([0-9a-f-]{36})$/

/**
 * Fills and submits the new-charge form. A created charge (even failed or unknown) opens its screen,
 * whose URL carries the id; anything else is reported with the form's message.
 */
export async function submitCharge(
  page: Page,
  bill: string,
  amount = '1.00',
  timeoutMs = 30_000,
): Promise<Submitted> {
  try {
    await page.goto('/charge/new')
    await page.locator('input[name=bz_order]').fill(bill)
    await page.locator('input[name=amount]').fill(amount)
    await page.getByTestId('charge-submit').click()
    const refused = page.locator('[data-testid=charge-error], [data-testid=charge-open-exists]')
    await Promise.race([
      page.waitForURL(CHARGE_URL, { timeout: timeoutMs }),
      refused.first().waitFor({ timeout: timeoutMs }),
    ])
    const id = CHARGE_URL.exec(new URL(page.url()).pathname)?.[1]
    if (id) return { ok: true, id }
    return { ok: false, reason: (await refused.first().innerText()).slice(0, 120) }
  } catch (error) {
    return { ok: false, reason: (error as Error).message.split('\n', 1)[0]! }
  }
}
