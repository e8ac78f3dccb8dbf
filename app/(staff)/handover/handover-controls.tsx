'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { recordHandoverAction, type HandoverState } from './actions'

const KNOWN_ERRORS = [
  'forbidden',
  'unauthenticated',
  'invalid-input',
  'open-charges',
  'window-moved',
  'unknown-station',
]

/**
 * 交班: records the window the page shows, with its totals frozen. Refused while a charge of the
 * window is still open (the page lists them); the server checks again.
 */
export function HandoverSubmit(props: {
  stationId: string
  cashierId: string | null
  windowFrom: number
  windowTo: number
  openCount: number
}) {
  const t = useTranslations('handover')
  const [state, action, pending] = useActionState<HandoverState, FormData>(recordHandoverAction, {
    status: 'idle',
  })
  let message: string | null = null
  let tone = 'text-gray-700'
  if (pending) message = t('submitting')
  else if (state.status === 'error') {
    message = t(`errors.${KNOWN_ERRORS.includes(state.error) ? state.error : 'failed'}`)
    // Refused because the page was stale (handed over meanwhile, a charge opened): the action has
    // re-rendered it with the new window or the open charges, so the message is news, not a failure.
    tone = state.stale ? 'text-gray-700' : 'text-status-failed'
  } else if (state.status === 'ok') {
    message = t('done', { count: state.data.paidCount })
    tone = 'text-status-paid'
  } else if (props.openCount > 0) {
    message = t('errors.open-charges')
    tone = 'text-status-waiting'
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-4 print:hidden">
      <input type="hidden" name="station_id" value={props.stationId} />
      <input type="hidden" name="cashier_id" value={props.cashierId ?? ''} />
      <input type="hidden" name="window_from" value={props.windowFrom} />
      <input type="hidden" name="window_to" value={props.windowTo} />
      <button
        type="submit"
        disabled={pending || props.openCount > 0}
        data-testid="handover-submit"
        className={`${buttonClass()} whitespace-nowrap`}
      >
        {t('submit')}
      </button>
      <p aria-live="polite" data-testid="handover-result" className={`text-sm break-keep ${tone}`}>
        {message}
      </p>
      {/* The page moves on to the next, empty shift: the one just recorded prints from its own page. */}
      {state.status === 'ok' && !pending ? (
        <Link
          href={`/handover/${encodeURIComponent(state.data.id)}`}
          data-testid="handover-print-record"
          className={`${buttonClass('outline')} whitespace-nowrap`}
        >
          {t('printRecord')}
        </Link>
      ) : null}
    </form>
  )
}

/** Opens the browser's print dialog; the page's print styles pick A4 or the 80 mm roll. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      data-testid="handover-print"
      onClick={() => window.print()}
      className={`${buttonClass('outline')} print:hidden`}
    >
      {label}
    </button>
  )
}
