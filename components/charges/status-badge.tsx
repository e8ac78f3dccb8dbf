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

export function StatusBadge({ status }: { status: ChargeStatus }) {
  const t = useTranslations('status')
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ${STATUS_TONE[status]}`}
    >
      {t(status)}
    </span>
  )
}
