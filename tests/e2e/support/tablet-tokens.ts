import { expect, request as requestFactory, type Page } from '@playwright/test'
import { DEVICE_COOKIE } from '@/lib/display/device-cookie'
import { waitForHydration } from '@/tests/support/hydration'
import { E2E } from './config'

export interface PairedTablet {
  deviceId: string
  token: string
  /** The Set-Cookie line that carried the token, flags and all. */
  setCookie: string
}

async function deviceIds(page: Page): Promise<string[]> {
  const rows = page.getByTestId('tablet-row')
  return rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-device-id') ?? ''))
}

/**
 * Pairs a new tablet with the station as a manager does it: a code on the station's tablets page,
 * opened as `/pair/<code>` by a browser with no credential. Returns the tablet's cookie value.
 */
export async function pairTablet(
  managerPage: Page,
  stationId: string,
  tabletHeaders: Record<string, string> = {},
): Promise<PairedTablet> {
  const tabletsPath = `/admin/stations/${stationId}/tablets`
  await managerPage.goto(tabletsPath)
  const before = new Set(await deviceIds(managerPage))
  const shown = managerPage.getByTestId('pairing-code')
  const previous = (await shown.count()) > 0 ? await shown.getAttribute('data-code') : null
  const create = managerPage.getByTestId('create-pairing-code')
  await waitForHydration(create)
  await create.click()
  await expect(shown).toHaveAttribute('data-code', /^[A-Z0-9]+$/)
  await expect(shown).not.toHaveAttribute('data-code', previous ?? '')
  const code = (await shown.getAttribute('data-code'))!

  const tablet = await requestFactory.newContext({
    baseURL: E2E.baseUrl,
    extraHTTPHeaders: tabletHeaders,
  })
  const res = await tablet.get(`/pair/${code}`, { maxRedirects: 0 })
  expect(res.status()).toBe(303)
  expect(res.headers()['location']).toBe('/display')
  const cookies = res.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie')
  const mine = cookies.find((c) => c.value.startsWith(`${DEVICE_COOKIE}=`))?.value ?? ''
  const token = new RegExp(`^${DEVICE_COOKIE}=([^;]+)`).exec(mine)?.[1]
  await tablet.dispose()
  expect(token, 'the pairing answer sets the device cookie').toBeTruthy()

  await managerPage.goto(tabletsPath)
  const added = (await deviceIds(managerPage)).filter((id) => !before.has(id))
  expect(added).toHaveLength(1)
  return { deviceId: added[0]!, token: token!, setCookie: mine }
}

/** Revokes a tablet from its station's page (two steps: ask, then confirm). */
export async function revokeTablet(managerPage: Page, stationId: string, deviceId: string) {
  await managerPage.goto(`/admin/stations/${stationId}/tablets`)
  const row = managerPage.locator(`[data-testid=tablet-row][data-device-id="${deviceId}"]`)
  // 撤销 only opens the confirm, and only once React has taken it over.
  await waitForHydration(row.getByTestId('revoke-tablet'))
  await row.getByTestId('revoke-tablet').click()
  await row.getByTestId('revoke-tablet-confirm').click()
  await expect(row).toHaveCount(0)
}
