import { useTranslations } from 'next-intl'
import { Badge } from '@/components/ui/badge'
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
  return (
    <Badge tone={STATUS_TONE[status]} size={large ? 'lg' : 'md'}>
      {label ?? t(status)}
    </Badge>
  )
}
