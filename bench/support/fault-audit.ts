import type { ChargeView } from '@/lib/charges/view'
import { isTerminal } from '@/lib/charges/status'
import type { OrderStatus, RequestLogEntry, SandboxOrder } from '@/sandbox/types'

/*
 * The two numbers that must be zero after any fault: creates DMS received twice for one bill, and
 * money or state the app lost track of. DMS (the sandbox) is the truth; the app is checked against it.
 */

const APP_STATUS: Record<OrderStatus, string> = {
  1: 'pending',
  99: 'paying',
  4: 'paid',
  3: 'failed',
  5: 'refunded',
  6: 'closed',
}

const ENDED: readonly OrderStatus[] = [3, 6]

export interface Audit {
  duplicates: string[]
  lost: string[]
  /** App charges still open at the end: not reconciled in time. */
  unsettled: string[]
}

/**
 * A second create for a bill is a duplicate unless every earlier attempt of the bill exists at DMS
 * and has ended (failed or closed): a retry after a create that left no trace was sent blindly.
 */
function duplicates(creates: RequestLogEntry[], orders: SandboxOrder[]): string[] {
  const byBill = new Map<string, number>()
  for (const c of creates) {
    const bill = String(c.params.bz_order ?? '')
    byBill.set(bill, (byBill.get(bill) ?? 0) + 1)
  }
  const found: string[] = []
  for (const [bill, count] of byBill) {
    if (count < 2) continue
    const attempts = orders
      .filter((o) => o.bzOrder === bill)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    const ended = attempts.slice(0, -1).filter((o) => ENDED.includes(o.orderStatus)).length
    const extra = count - 1 - ended
    if (extra > 0) found.push(`${bill}: ${count} creates, ${attempts.length} attempt(s) at DMS`)
  }
  return found
}

export function audit(
  creates: RequestLogEntry[],
  orders: SandboxOrder[],
  views: ChargeView[],
): Audit {
  const byAttempt = new Map(views.filter((v) => v.bizOrderNo).map((v) => [v.bizOrderNo!, v]))
  const lost: string[] = []
  for (const o of orders) {
    if (!byAttempt.has(o.bizOrderNo)) {
      lost.push(`${o.bzOrder}: DMS attempt ${o.bizOrderNo} (status ${o.orderStatus}) has no charge`)
    }
  }
  const orderOf = new Map(orders.map((o) => [o.bizOrderNo, o]))
  for (const v of views) {
    if (!v.bizOrderNo) continue
    const o = orderOf.get(v.bizOrderNo)
    const dms = o ? APP_STATUS[o.orderStatus] : 'absent'
    if (dms !== v.status) lost.push(`${v.bzOrder}: app says ${v.status}, DMS says ${dms}`)
  }
  const unsettled = views
    .filter((v) => !isTerminal(v.status))
    .map((v) => `${v.bzOrder}: still ${v.status}`)
  return { duplicates: duplicates(creates, orders), lost, unsettled }
}

/** A fixed-width table: first column left-aligned, the rest right-aligned. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))]
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)))
  return cells
    .map((r) =>
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '),
    )
    .map((line) => `  ${line}`)
    .join('\n')
}
