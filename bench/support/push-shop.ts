import type { Page } from '@playwright/test'
import type { ChargeView } from '@/lib/charges/view'
import type { SandboxControl } from '@/sandbox/control-client'
import type { DisplayState } from '@/lib/display/view'
import { submitCharge } from './browser'
import { sleep } from '@/tests/support/wait'

/*
 * The shop bench/push.ts measures: one app process, its sandbox, a cashier at the front desk (a real
 * Chromium page, since a charge is created by a server action behind a form), a staff session cookie
 * and a paired tablet's device cookie for the streams, and the app server's pid for its memory.
 */
export interface Shop {
  baseUrl: string
  sandbox: SandboxControl
  desk: Page
  cookie: string
  device: string
  pid: number
}

export interface OpenCharge {
  id: string
  bill: string
  bizOrderNo: string
}

/** A new charge created at the front desk; the desk page then leaves it (no extra subscriber). */
export async function newCharge(shop: Shop, bill: string): Promise<OpenCharge> {
  const r = await submitCharge(shop.desk, bill)
  await shop.desk.goto('about:blank')
  if (!r.ok) throw new Error(`could not open charge ${bill}: ${r.reason}`)
  const [order] = await shop.sandbox.waitForOrders(bill)
  return { id: r.id, bill, bizOrderNo: order!.bizOrderNo }
}

export const chargeStreamUrl = (baseUrl: string, id: string) =>
  `${baseUrl}/api/charges/${id}/events`
export const tabletStreamUrl = (baseUrl: string) => `${baseUrl}/api/display/state/events`

/** A cashier screen's view with this status. */
export const chargeIs = (status: ChargeView['status']) => (v: unknown) =>
  (v as ChargeView).status === status

/** A tablet's view showing this bill with this status. */
export const tabletShows = (bill: string, status: string) => (v: unknown) => {
  const charge = (v as DisplayState).charge
  return charge?.bzOrder === bill && charge.status === status
}

const QUERY = '/dms/cash-out/query'

/** DMS queries for one order made during `ms` from now. */
export async function queriesDuring(shop: Shop, bizOrderNo: string, ms: number): Promise<number> {
  const since = (await shop.sandbox.requests({ path: QUERY })).at(-1)?.seq ?? 0
  await sleep(ms)
  const log = await shop.sandbox.requests({ since, path: QUERY })
  return log.filter((r) => r.params.biz_order_no === bizOrderNo).length
}
