import { sandboxControl } from '@/sandbox/control-client'
import { E2E } from './config'

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
