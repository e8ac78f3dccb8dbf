import type { ChargeStatus } from '@/lib/charges/status'
import type { PayWay } from '@/lib/dms/types'

/** One row of a station's today list: what the list shows, nothing more. */
export interface TodayRow {
  id: string
  bzOrder: string
  amountFen: number
  payWay: PayWay
  status: ChargeStatus
  createdAt: number
}

export interface TodayView {
  rows: TodayRow[]
}
