import type { ChargeStatus } from '@/lib/charges/status'
import type { PayWay } from '@/lib/dms/types'
import { BillNumber } from './bill-number'
import { PayWayMark } from './pay-way-mark'
import { StatusBadge } from './status-badge'

/**
 * The inside of a charge's row in the front desk's lists (today's list, the bill search): the bill
 * and its amount, over the time and the status, so the bill number keeps the row's width whole even
 * in the form's side column or on a phone. The status on the second line, not under the amount:
 * there a long one (English "Not accepted by DMS", "Waiting for scan") took the bill's width and
 * broke WX20261205-0001 over two or three lines at 390 px. Hook-free: the client list and the
 * server search both render it, each with its own formatter for the time and the amount.
 */
export function ChargeRowBody({
  payWay,
  bzOrder,
  status,
  time,
  amount,
}: {
  payWay: PayWay
  bzOrder: string
  status: ChargeStatus
  time: string
  amount: string
}) {
  return (
    <>
      <PayWayMark payWay={payWay} size={24} />
      <span className="min-w-0 flex-1">
        <span className="flex items-baseline justify-between gap-3">
          <span className="min-w-0 font-medium">
            <BillNumber value={bzOrder} />
          </span>
          <span className="font-semibold whitespace-nowrap tabular">{amount}</span>
        </span>
        <span className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="text-sm text-gray-500 tabular">{time}</span>
          <StatusBadge status={status} />
        </span>
      </span>
    </>
  )
}
