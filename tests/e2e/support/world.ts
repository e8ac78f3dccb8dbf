import type { Browser, Page } from '@playwright/test'
import { waitForHydration } from '@/tests/support/hydration'
import { addStation, chargeAt, readySandbox, rolePage } from './own-station'
import { uniqueBill } from './sandbox'
import { pairTablet, revokeTablet } from './tablet-tokens'

/*
 * Everything the access matrix (and the secrets walk) needs to exist: two stations of its own, A
 * and B, each with a tablet; a charge still open on A (the one A's tablet shows) and a finished one;
 * a tablet of A that has been revoked; a view the manager saved. Built through the UI, as a shop
 * would.
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
  /** Handovers of station B: the manager's of the whole station, the cashier's own. */
  handovers: { manager: string; cashier: string }
}

/** 交班 of station B on `page`'s /handover; returns the recorded handover's id. */
async function handOver(page: Page, stationB: string): Promise<string> {
  await page.goto(`/handover?station=${stationB}`)
  await waitForHydration(page.getByTestId('handover-submit'))
  await page.getByTestId('handover-submit').click()
  const link = page.getByTestId('handover-print-record')
  await link.waitFor()
  return (await link.getAttribute('href'))!.split('/').pop()!
}

export async function buildWorld(browser: Browser): Promise<World> {
  await readySandbox()
  const cashier = await rolePage(browser, 'cashier')
  const manager = await rolePage(browser, 'manager')
  const admin = await rolePage(browser, 'admin')
  try {
    const stationA = await addStation(admin, uniqueBill('MTX-A'))
    const stationB = await addStation(admin, uniqueBill('MTX-B'))
    const paidBill = uniqueBill('MTX-PAID')
    const paidId = await chargeAt(cashier, stationA, paidBill, '12.34', 'paid')
    const openBill = uniqueBill('MTX-OPEN')
    const openId = await chargeAt(cashier, stationA, openBill, '56.78', 'pending')

    const managerView = `M ${uniqueBill('V')}`
    await manager.goto('/charges?status=paid')
    await waitForHydration(manager.locator('#view-name'))
    await manager.locator('#view-name').fill(managerView)
    await manager.locator('#view-name').press('Enter')
    await manager.getByTestId('saved-view').filter({ hasText: managerView }).waitFor()

    const tabletA = await pairTablet(manager, stationA)
    const tabletB = await pairTablet(manager, stationB)
    const doomed = await pairTablet(manager, stationA)
    await revokeTablet(manager, stationA, doomed.deviceId)

    // Station B has no charges: nothing open holds its handovers back.
    const handovers = {
      manager: await handOver(manager, stationB),
      cashier: await handOver(cashier, stationB),
    }

    return {
      handovers,
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
