import type { ChargeStatus } from '@/lib/charges/status'
import type { PayWay } from '@/lib/dms/types'
import { PayWayMark } from './pay-way-mark'
import { StatusBadge } from './status-badge'

/**
 * The inside of a charge's row in the front desk's lists (today's list, the bill search): the bill
 * over its time, the amount over its status, so the bill number keeps the row's width whole even in
 * the form's side column or on a phone. Hook-free: the client list and the server search both
 * render it, each with its own formatter for the time and the amount.
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
        <span className="block font-medium break-all">{bzOrder}</span>
        <span className="block text-sm text-gray-500 tabular">{time}</span>
      </span>
      <span className="flex flex-col items-end gap-1">
        <span className="font-semibold whitespace-nowrap tabular">{amount}</span>
        <StatusBadge status={status} />
      </span>
    </>
  )
}
