import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, type Browser, type Page } from '@playwright/test'
import { pairedTabletAt, type TabletOptions } from '@/tests/support/tablet'
import { E2E } from './config'
import { addStation } from './own-station'

/** The tablet's status hook (`data-status`: `idle` or a charge status), for the runner's `expect`. */
export function displayStatusHook(tablet: Page) {
  return tablet.getByTestId('display-status')
}

export async function expectDisplay(tablet: Page, status: string, timeout = 15_000) {
  await expect(displayStatusHook(tablet)).toHaveAttribute('data-status', status, { timeout })
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

/**
 * A station of the test's own, so charges other specs leave open elsewhere never show on its tablet,
 * added on the stations page by `manager` (a manager or an admin, who may). The command line's way,
 * addStationByCli, is tablet.spec's first test's own: a second Node process (tsx, the app's modules)
 * for each test that only needed a station cost it 2 to 3 s.
 */
export async function ownStation(manager: Page, label: string) {
  const name = `${label} ${Date.now().toString(36)}`
  return { id: await addStation(manager, name), name }
}

/**
 * A station of the test's own (`ownStation(manager, label)`) and a fresh tablet the manager has
 * paired with it: the station, and the tablet's page up on its idle screen. The test closes the
 * tablet's context: contexts a test opens outlive it.
 */
export async function pairedTablet(
  browser: Browser,
  manager: Page,
  label: string,
  opts: TabletOptions = {},
) {
  const station = await ownStation(manager, label)
  const { tablet } = await pairedTabletAt(browser, manager, station.id, opts)
  return { station, tablet }
}
