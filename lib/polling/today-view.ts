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
  /** The newest charges of the day (at most 200: the list, not the ledger). */
  rows: TodayRow[]
  /** The day's payments, all of them: the total is the ledger's, never a sum of the rows. */
  paid: { count: number; fen: number }
}
