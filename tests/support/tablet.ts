import type { Browser, Page } from '@playwright/test'
import { STARTED_SELECTOR } from '@/components/display/start-watchdog'
import { DEVICE_COOKIE } from '@/lib/display/device-cookie'
import { waitForHydration } from './hydration'

/*
 * The customer tablet as a shop sets it up, for the end-to-end specs and the benchmarks alike (no
 * test runner's `expect` here, so a benchmark can use it too): a manager makes a pairing code on the
 * station's tablets page and the tablet, a browser context of its own at a tablet's size, types it
 * in at /display.
 */

export const TABLET_SIZES = {
  landscape: { width: 1024, height: 768 },
  portrait: { width: 768, height: 1024 },
} as const

/** A tablet's size, and `baseUrl` where no config gives one. */
export interface TabletOptions {
  size?: keyof typeof TABLET_SIZES
  baseUrl?: string
}

/** A fresh tablet: its own browser context, no staff session. */
export async function newTablet(browser: Browser, opts: TabletOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    ...(opts.baseUrl ? { baseURL: opts.baseUrl } : {}),
    viewport: TABLET_SIZES[opts.size ?? 'landscape'],
    locale: 'zh-CN',
  })
  return context.newPage()
}

/** Resolves once the tablet shows `status` (`idle` or a charge status) in its `data-status` hook. */
export function waitForDisplayStatus(tablet: Page, status: string, timeout = 30_000) {
  return tablet
    .locator(`[data-testid=display-status][data-status=${status}]`)
    .waitFor({ state: 'attached', timeout })
}

/** Resolves once the tablet's screen runs its scripts (start-watchdog.tsx), not just shows HTML. */
export function waitForStarted(tablet: Page, timeout = 15_000) {
  return tablet.locator(STARTED_SELECTOR).waitFor({ state: 'attached', timeout })
}

/** The id of a station, read from the manager's stations page. */
export async function stationIdByName(manager: Page, name: string): Promise<string> {
  await manager.goto('/admin/stations')
  const row = manager.getByTestId('station-row').filter({ hasText: name }).first()
  const id = await row.getAttribute('data-station-id')
  if (!id) throw new Error(`no station "${name}" on /admin/stations`)
  return id
}

/**
 * Pairs `tablet` with the station the way a shop does it: a new code on the station's tablets page,
 * typed in at /display. Resolves once the tablet shows its idle screen, to its device cookie as a
 * Cookie header.
 */
export async function pairWithCode(manager: Page, tablet: Page, stationId: string) {
  await manager.goto(`/admin/stations/${stationId}/tablets`)
  // The page shows the station's live code again after a reload: wait for the new one to replace it.
  const shown = manager.getByTestId('pairing-code')
  const before = (await shown.count()) ? await shown.innerText() : ''
  const create = manager.getByTestId('create-pairing-code')
  await waitForHydration(create)
  await create.click()
  await (before ? shown.filter({ hasNotText: before }) : shown).waitFor()
  const code = (await shown.innerText()).replace(/\s+/g, '')
  await tablet.goto('/display')
  await tablet.getByTestId('pair-screen').waitFor()
  await tablet.locator('input[name=code]').fill(code)
  await tablet.getByTestId('pair-submit').click()
  await waitForDisplayStatus(tablet, 'idle', 15_000)
  // The server's HTML shows idle before the screen's scripts run; a test that drops the network
  // or pushes a charge means a screen that is up.
  await waitForStarted(tablet)
  const cookie = (await tablet.context().cookies()).find((c) => c.name === DEVICE_COOKIE)
  if (!cookie?.value) throw new Error('the tablet has no device cookie after pairing')
  return `${cookie.name}=${cookie.value}`
}

/**
 * A fresh tablet (`newTablet`) paired with the station `stationId` (`pairWithCode`): its page, up
 * on its idle screen, and its device cookie as a Cookie header. The caller closes its context.
 */
export async function pairedTabletAt(
  browser: Browser,
  manager: Page,
  stationId: string,
  opts: TabletOptions = {},
): Promise<{ tablet: Page; device: string }> {
  const tablet = await newTablet(browser, opts)
  const device = await pairWithCode(manager, tablet, stationId)
  return { tablet, device }
}
