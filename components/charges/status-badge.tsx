import { useTranslations } from 'next-intl'
import type { ChargeStatus } from '@/lib/charges/status'

/** One colour per status, the same everywhere. */
export const STATUS_TONE: Record<ChargeStatus, string> = {
  creating: 'bg-amber-50 text-status-waiting ring-amber-200',
  pending: 'bg-amber-50 text-status-waiting ring-amber-200',
  paying: 'bg-amber-50 text-status-waiting ring-amber-200',
  paid: 'bg-green-50 text-status-paid ring-green-200',
  failed: 'bg-red-50 text-status-failed ring-red-200',
  closed: 'bg-gray-100 text-status-closed ring-gray-200',
  refunded: 'bg-gray-100 text-status-closed ring-gray-200',
  unknown: 'bg-violet-50 text-status-unknown ring-violet-200',
  // No money was asked for: neutral like closed, never the failed red.
  refused: 'bg-gray-100 text-status-closed ring-gray-300',
}

export function StatusBadge({
  status,
  label,
  large = false,
}: {
  status: ChargeStatus
  /** A finer word than the status's own (the charge screen says 正在取消 while a cancel is pending). */
  label?: string
  large?: boolean
}) {
  const t = useTranslations('status')
  const size = large
    ? 'px-5 py-2 text-2xl font-bold ring-2'
    : 'px-2.5 py-0.5 text-sm font-medium ring-1'
  return (
    <span
      className={`inline-flex items-center rounded-full whitespace-nowrap ${size} ${STATUS_TONE[status]}`}
    >
      {label ?? t(status)}
    </span>
  )
}
