import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, type Browser, type Page } from '@playwright/test'
import { E2E } from './config'

export const TABLET_SIZES = {
  landscape: { width: 1024, height: 768 },
  portrait: { width: 768, height: 1024 },
} as const

/** A fresh tablet: its own browser context, no staff session, at a tablet's size. */
export async function newTablet(browser: Browser, size: keyof typeof TABLET_SIZES = 'landscape') {
  const context = await browser.newContext({ viewport: TABLET_SIZES[size], locale: 'zh-CN' })
  return context.newPage()
}

export function displayStatus(tablet: Page) {
  return tablet.getByTestId('display-status')
}

export async function expectDisplay(tablet: Page, status: string, timeout = 15_000) {
  await expect(displayStatus(tablet)).toHaveAttribute('data-status', status, { timeout })
}

/** A manager makes a pairing code on the station's tablets page; the tablet types it in. */
export async function pairWithCode(manager: Page, tablet: Page, stationId: string) {
  await manager.goto(`/admin/stations/${stationId}/tablets`)
  // The page shows the station's live code again after a reload: wait for the new one to replace it.
  const shown = manager.getByTestId('pairing-code')
  const before = (await shown.count()) ? await shown.innerText() : ''
  await manager.getByTestId('create-pairing-code').click()
  await expect(shown).not.toHaveText(before)
  const code = (await shown.innerText()).replace(/\s+/g, '')
  await tablet.goto('/display')
  await expect(tablet.getByTestId('pair-screen')).toBeVisible()
  await tablet.locator('input[name=code]').fill(code)
  await tablet.getByTestId('pair-submit').click()
  await expectDisplay(tablet, 'idle')
}

/** The id of a station, read from the manager's stations page. */
export async function stationIdByName(manager: Page, name: string): Promise<string> {
  await manager.goto('/admin/stations')
  const row = manager.getByTestId('station-row').filter({ hasText: name }).first()
  return (await row.getAttribute('data-station-id'))!
}

/** `npm run station -- add <name>` against the e2e database, as a shop's provisioning script would. */
export async function addStationByCli(
  name: string,
): Promise<{ id: string; name: string; pairUrl: string }> {
  const { stdout } = await promisify(execFile)(
    'npx',
    [
      'tsx',
      '--conditions=react-server',
      'scripts/station.ts',
      'add',
      name,
      '--base-url',
      E2E.baseUrl,
    ],
    { env: { ...process.env, SQLITE_PATH: `${E2E.dataDir}/cashier.db` } },
  )
  const pairUrl = stdout.match(/https?:\/\/\S+\/pair\/\S+/)?.[0]
  const id = stdout.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)?.[0]
  if (!pairUrl || !id) throw new Error(`station CLI printed no pairing URL:\n${stdout}`)
  return { id, name, pairUrl }
}

/** A station of the test's own, so charges other specs leave open elsewhere never show on its tablet. */
export function ownStation(label: string) {
  return addStationByCli(`${label} ${Date.now().toString(36)}`)
}
