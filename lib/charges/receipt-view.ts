import type { PayWay } from '@/lib/dms/types'

/** What a receipt shows: made on the server when it is printed, rendered by the browser. */
export interface ReceiptView {
  shopName: string
  bzOrder: string
  amountFen: number
  payWay: PayWay
  /** DMS's order number (a string: it is above 2^53). */
  orderNo: string | null
  paidAt: number
  cashierName: string
  stationName: string
  /** 1 for the first print; a later copy says it is a reprint. */
  copy: number
}

export const RECEIPT_PAPERS = ['58', '80', 'a4'] as const
export type ReceiptPaper = (typeof RECEIPT_PAPERS)[number]

export function isReceiptPaper(v: unknown): v is ReceiptPaper {
  return typeof v === 'string' && (RECEIPT_PAPERS as readonly string[]).includes(v)
}
