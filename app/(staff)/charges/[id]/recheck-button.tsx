'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { recheckChargeAction, type RecheckState } from './actions'
import { chargeRefusal } from './refusal'

const KNOWN_ERRORS = ['forbidden', 'unauthenticated', 'not-found', 'invalid-input', 'ended']

/**
 * "Check with DMS now": a forced refresh, then what changed, announced to screen readers. On the
 * detail page (its own card, with a line on what the check does) and on the needs-attention list
 * (`compact`, a row's part). It imports its action rather than taking it as a prop: an action a
 * client module imports is declared in the page's scripts, where the access matrix
 * (tests/e2e/access-matrix.spec.ts) finds it to post to it directly.
 * `offered`: whether DMS can still change the charge (lib/charges/dms-can-change.ts). When not, it
 * renders nothing, unless a check was just made from here: it ended the charge (paid → refunded),
 * or was refused because the charge had ended since the page was drawn (the action re-renders the
 * page). Then the button goes and what the check found stays, in the same live region.
 */
export function RecheckButton(props: { chargeId: string; offered?: boolean; compact?: boolean }) {
  const t = useTranslations('manager.recheck')
  const tStatus = useTranslations('status')
  const [state, action, pending] = useActionState<RecheckState, FormData>(recheckChargeAction, {
    status: 'idle',
  })
  const offered = props.offered ?? true
  if (!offered && state.status === 'idle') return null
  let message: string | null = null
  let tone = 'text-gray-700'
  if (pending) message = t('checking')
  else if (state.status === 'error') {
    // Refused because the charge ended since the page was drawn: the page now shows how it ended
    // and the message names it; that is news, not a failure.
    const refusal = chargeRefusal(state, KNOWN_ERRORS)
    message = t(`errors.${refusal.key}`, { status: refusal.status ? tStatus(refusal.status) : '' })
    if (!refusal.stale) tone = 'text-status-failed'
  } else if (state.status === 'ok') {
    const r = state.data
    if (r.changed) {
      message = t('changed', { before: tStatus(r.before), after: tStatus(r.after) })
      tone = 'text-status-paid'
    } else if (r.failing) {
      message = t('failing')
      tone = 'text-status-waiting'
    } else message = t('unchanged', { status: tStatus(r.after) })
  }
  const form = (
    <form
      action={action}
      className={
        props.compact ? 'flex flex-col items-end gap-1' : 'flex flex-wrap items-center gap-4'
      }
    >
      <input type="hidden" name="charge_id" value={props.chargeId} />
      {offered ? (
        <button
          type="submit"
          disabled={pending}
          data-testid="charge-recheck"
          // On the detail page it is the screen's step; in the attention list (compact) one per
          // row, under the list's own primary 全部重新核实, so it steps down to secondary.
          className={`${buttonClass(props.compact ? 'secondary' : 'primary')} whitespace-nowrap`}
        >
          {props.compact ? t('short') : t('button')}
        </button>
      ) : null}
      {/* Chinese breaks only after its punctuation (keep-all): on a phone 更新 broke as 更|新. */}
      <p aria-live="polite" data-testid="recheck-result" className={`text-sm break-keep ${tone}`}>
        {message}
      </p>
    </form>
  )
  if (props.compact) return form
  // A line on what the check does: the card held the button alone and read as unfinished.
  return (
    <Card as="section">
      {offered ? (
        <p data-testid="recheck-explain" className="mb-4 text-sm text-gray-600">
          {t('explain')}
        </p>
      ) : null}
      {form}
    </Card>
  )
}
