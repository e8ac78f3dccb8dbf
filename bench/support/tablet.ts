import type { Browser, Page } from '@playwright/test'

/*
 * The customer tablet as a shop sets it up (the same steps as tests/e2e/support/tablet.ts, without
 * the test runner's expect): a manager makes a pairing code on the station's tablets page and the
 * tablet, a browser context of its own at a tablet's size, types it in at /display.
 */

export const TABLET_VIEWPORT = { width: 1024, height: 768 }
const DEVICE_COOKIE = 'cashier_display'

export async function newTablet(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: TABLET_VIEWPORT,
    locale: 'zh-CN',
  })
  return context.newPage()
}

/** What the tablet shows: `idle` or a charge status, from its `data-status` hook. */
export function displayStatus(tablet: Page, status: string, timeout = 30_000) {
  return tablet
    .locator(`[data-testid=display-status][data-status=${status}]`)
    .waitFor({ state: 'attached', timeout })
}

/** The id of a station, from the manager's stations page. */
export async function stationIdByName(manager: Page, name: string): Promise<string> {
  await manager.goto('/admin/stations')
  const row = manager.getByTestId('station-row').filter({ hasText: name }).first()
  const id = await row.getAttribute('data-station-id')
  if (!id) throw new Error(`no station "${name}" on /admin/stations`)
  return id
}

/** Pairs `tablet` with the station; resolves once it shows the idle screen. Returns its cookie. */
export async function pairTablet(manager: Page, tablet: Page, stationId: string): Promise<string> {
  await manager.goto(`/admin/stations/${stationId}/tablets`)
  await manager.getByTestId('create-pairing-code').click()
  const code = (await manager.getByTestId('pairing-code').innerText()).replace(/\s+/g, '')
  await tablet.goto('/display')
  await tablet.getByTestId('pair-screen').waitFor()
  await tablet.locator('input[name=code]').fill(code)
  await tablet.getByTestId('pair-submit').click()
  await displayStatus(tablet, 'idle')
  const cookie = (await tablet.context().cookies()).find((c) => c.name === DEVICE_COOKIE)
  if (!cookie?.value) throw new Error('the tablet has no device cookie after pairing')
  return `${cookie.name}=${cookie.value}`
}
