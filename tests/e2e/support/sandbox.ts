import { sandboxControl } from '@/sandbox/control-client'
import { E2E } from './config'
import { BILL_NUMBER_MAX_LENGTH } from '@/lib/charges/bill-number'

/** The DMS sandbox's control surface, over HTTP like any other client. */
export const sandbox = sandboxControl(E2E.sandboxUrl)

/** Creates made for one bill, as the sandbox's request log saw them. */
export async function createRequestsFor(bzOrder: string) {
  const log = await sandbox.requests({ path: '/dms/cash-out/payment' })
  return log.filter((r) => r.params.bz_order === bzOrder)
}

/** DMS refuses the next create with its error code and message, as it answers a refused payment. */
export function refuseNextPayment(errCode: number, errMsg: string) {
  return sandbox.addFault({ endpoint: 'payment', mode: 'errcode', errCode, errMsg, times: 1 })
}

let counter = 0
/** A bill number no other test uses, so tests never see each other's charges. */
export function uniqueBill(prefix = 'E2E'): string {
  counter += 1
  return `${prefix}-${Date.now().toString(36).toUpperCase()}-${counter}`
}

/**
 * A bill number no other test uses, as long as the form allows (40), with each of its separators:
 * runs of letters and digits joined by - / . (its runs: `billRuns`).
 */
export function longBill(): string {
  const start = `${uniqueBill('LB')}/REPAIR-ORDER.`
  return start + 'ABCDEFGHJKLMNPQRSTUVWXYZ'.slice(0, BILL_NUMBER_MAX_LENGTH - start.length)
}

/** A bill's runs, each ending after its separator: where a screen may break it, and only there. */
export function billRuns(bill: string): RegExp[] {
  return bill
    .split(/(?<=[-_./#])/)
    .map((run) => new RegExp(run.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')))
}
