import { expect, type Browser, type Page } from '@playwright/test'
import { takePayment } from './charges'
import { storageStateFor, type E2ERole } from './config'
import { uniqueBill } from './sandbox'
import { pairTablet, revokeTablet } from './tablets'

/*
 * Everything the access matrix (and the secrets and accessibility walks) needs to exist: a charge
 * still open on station A (the one its tablet shows), a finished one, a second station B with its
 * own tablet, and a tablet of A that has been revoked. Built through the UI, like a shop would.
 */

export interface World {
  stationA: string
  stationB: string
  openCharge: { id: string; bill: string }
  paidCharge: { id: string; bill: string }
  tablets: { A: string; B: string; revoked: string }
  /** Device id of station A's working tablet (a revoke attempt names it). */
  tabletADevice: string
  /** A view the manager saved (a delete attempt names it). */
  managerView: string
}

export async function rolePage(browser: Browser, role: E2ERole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role) })
  return context.newPage()
}

async function addStation(adminPage: Page, name: string): Promise<string> {
  await adminPage.goto('/admin/stations')
  const form = adminPage.getByTestId('add-station-form')
  await form.locator('input[name=name]').fill(name)
  await form.getByTestId('add-station').click()
  const row = adminPage.getByTestId('station-row').filter({ hasText: name })
  await expect(row).toBeVisible()
  return (await row.getAttribute('data-station-id'))!
}

export async function buildWorld(browser: Browser): Promise<World> {
  const cashier = await rolePage(browser, 'cashier')
  const manager = await rolePage(browser, 'manager')
  const admin = await rolePage(browser, 'admin')
  try {
    const paidBill = uniqueBill('MTX-PAID')
    const paidId = await takePayment(cashier, paidBill, '12.34', 'paid')
    const openBill = uniqueBill('MTX-OPEN')
    const openId = await takePayment(cashier, openBill, '56.78', 'pending')

    const managerView = `M ${uniqueBill('V')}`
    await manager.goto('/charges?status=paid')
    await manager.locator('#view-name').fill(managerView)
    await manager.locator('#view-name').press('Enter')
    await expect(manager.getByTestId('saved-view').filter({ hasText: managerView })).toBeVisible()

    await manager.goto('/admin/stations')
    const stationA = (await manager
      .getByTestId('station-row')
      .first()
      .getAttribute('data-station-id'))!
    const stationB = await addStation(admin, `B-${uniqueBill('ST')}`)

    const tabletA = await pairTablet(manager, stationA)
    const tabletB = await pairTablet(manager, stationB)
    const doomed = await pairTablet(manager, stationA)
    await revokeTablet(manager, stationA, doomed.deviceId)

    return {
      stationA,
      stationB,
      openCharge: { id: openId, bill: openBill },
      paidCharge: { id: paidId, bill: paidBill },
      tablets: { A: tabletA.token, B: tabletB.token, revoked: doomed.token },
      tabletADevice: tabletA.deviceId,
      managerView,
    }
  } finally {
    await Promise.all([cashier, manager, admin].map((p) => p.context().close()))
  }
}
