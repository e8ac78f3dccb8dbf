import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { LoginPage } from '@/tests/e2e/support/login-page'
import { CHROMIUM } from '@/tests/support/chromium'

/*
 * The front desk through a real Chromium: creating a charge is a server action behind a form, which
 * only a browser submits the way a cashier does.
 */

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(CHROMIUM)
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
  const login = new LoginPage(page)
  await login.goto()
  await login.signIn(username, 'demo1234')
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

/** `ms`: from the click to the charge screen (or the form's message), as the cashier waited. */
export type Submitted = ({ ok: true; id: string } | { ok: false; reason: string }) & { ms: number }

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
    const t0 = performance.now()
    await page.getByTestId('charge-submit').click()
    const refused = page.locator('[data-testid=charge-error], [data-testid=charge-open-exists]')
    const outcomes = [
      page.waitForURL(CHARGE_URL, { timeout: timeoutMs }),
      refused.first().waitFor({ timeout: timeoutMs }),
    ]
    // The loser times out later, with nobody awaiting it: that must not become an unhandled rejection.
    for (const p of outcomes) p.catch(() => {})
    await Promise.race(outcomes)
    const ms = performance.now() - t0
    const id = CHARGE_URL.exec(new URL(page.url()).pathname)?.[1]
    if (id) return { ok: true, id, ms }
    return { ok: false, reason: (await refused.first().innerText()).slice(0, 120), ms }
  } catch (error) {
    return { ok: false, reason: (error as Error).message.split('\n', 1)[0]!, ms: NaN }
  }
}
