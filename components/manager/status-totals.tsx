import { StatusBadge } from '@/components/charges/status-badge'
import type { ChargeTotals } from '@/lib/charges/queries/totals'

type StatusRow = ChargeTotals['byStatus'][number]

/** The statuses that are not paid, each with its own count and sum: never added into the paid total. */
export function unpaidRows(totals: ChargeTotals): StatusRow[] {
  return totals.byStatus.filter((s) => s.status !== 'paid' && s.count > 0)
}

/**
 * The not-paid lines shared by the manager's totals and the handover page (each keeps its own hook
 * and words); nothing when there are none.
 */
export function StatusTotals({
  rows,
  title,
  line,
  testId,
  className,
}: {
  rows: StatusRow[]
  title: string
  line: (row: StatusRow) => string
  testId: string
  className?: string
}) {
  if (rows.length === 0) return null
  return (
    <div className={className}>
      <h2 className="mb-2 text-sm font-medium text-gray-500">{title}</h2>
      <ul className="space-y-1.5">
        {rows.map((s) => (
          <li
            key={s.status}
            data-testid={testId}
            data-status={s.status}
            data-count={s.count}
            data-fen={s.sumFen}
            className="flex items-center justify-between gap-3 text-sm tabular"
          >
            <StatusBadge status={s.status} />
            <span>{line(s)}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
