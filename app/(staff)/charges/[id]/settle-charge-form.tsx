'use client'

import { useActionState, useState } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { control, Field } from '@/components/ui/field'
import { ORDER_NO_MAX, SETTLE_REASON_MAX } from '@/lib/charges/settle-rules'
import type { ChargeStatus } from '@/lib/charges/status'
import { settleChargeAction, type SettleState } from './actions'
import { chargeRefusal } from './refusal'

const FORM_ERRORS = ['forbidden', 'unauthenticated', 'not-found', 'not-unknown', 'invalid-input']

type Outcome = 'not-charged' | 'paid'

/**
 * The way out for a stuck charge: settle it as "not charged" or "paid, DMS order no. …", with a
 * reason. Shown only while the charge is unknown; it stays mounted after that (rendering only what
 * the settle came to), so the manager reads whether it was settled, DMS answered instead, or the
 * charge had a result before the click.
 */
export function SettleChargeForm({ chargeId, status }: { chargeId: string; status: ChargeStatus }) {
  const t = useTranslations('manager.settle')
  const tStatus = useTranslations('status')
  const [state, action, pending] = useActionState<SettleState, FormData>(settleChargeAction, {
    status: 'idle',
  })
  const typed = state.status === 'error' ? state.values : undefined
  const [outcome, setOutcome] = useState<Outcome | null>(
    typed?.outcome === 'paid' || typed?.outcome === 'not-charged' ? typed.outcome : null,
  )
  const fieldError = (name: string) => {
    const code = state.status === 'error' ? state.fieldErrors?.[name]?.[0] : undefined
    return code ? t(t.has(`errors.${code}`) ? `errors.${code}` : 'errors.invalid-input') : null
  }

  let message: string | null = null
  let tone = 'text-gray-700'
  if (pending) message = t('checking')
  else if (state.status === 'error') {
    const refusal = chargeRefusal(state, FORM_ERRORS)
    message = t(`errors.${refusal.key}`, { status: refusal.status ? tStatus(refusal.status) : '' })
    if (!refusal.stale) tone = 'text-status-failed'
  } else if (state.status === 'ok') {
    const r = state.data
    if (r.kind === 'settled') {
      message = t(r.status === 'paid' ? 'settledPaid' : 'settledNotCharged')
      tone = 'text-status-paid'
    } else if (r.kind === 'dms-answered') {
      message = t('dmsAnswered', { status: tStatus(r.status) })
      tone = 'text-status-waiting'
    } else message = t('dmsUndecided')
  }
  const result = (
    <p aria-live="polite" data-testid="settle-result" className={`text-sm break-keep ${tone}`}>
      {message}
    </p>
  )
  // No longer unknown: settled from here, or DMS answered first and the refused settle re-rendered
  // the page (lib/actions/define-action.ts); what happened stays on screen, the form goes.
  if (status !== 'unknown') {
    const said = state.status === 'ok' || (state.status === 'error' && state.stale)
    return said ? <Card as="section">{result}</Card> : null
  }

  const reasonError = fieldError('reason')
  const orderError = fieldError('order_no')
  const radio = (value: Outcome, label: string, hint: string) => (
    <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-xl p-3 ring-1 ring-gray-200 has-[:checked]:bg-accent-soft has-[:checked]:ring-accent">
      <input
        type="radio"
        name="outcome"
        value={value}
        // Uncontrolled: React resets the form after each submit, back to these defaults (what was
        // sent), which a controlled radio would not follow.
        defaultChecked={typed?.outcome === value}
        onChange={() => setOutcome(value)}
        className="mt-1 h-5 w-5 shrink-0 accent-accent"
      />
      <span>
        <span className="block font-medium">{label}</span>
        <span className="block text-sm text-gray-600">{hint}</span>
      </span>
    </label>
  )
  return (
    <Card data-testid="settle-charge" aria-labelledby="settle-heading" as="section" tone="warning">
      <h2 id="settle-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="mt-1 mb-4 text-sm text-gray-600">{t('intro')}</p>
      <form action={action} noValidate className="space-y-4">
        <input type="hidden" name="charge_id" value={chargeId} />
        <fieldset data-testid="settle-outcome" aria-describedby="settle-outcome-help">
          <legend className="mb-2 font-medium">{t('outcome')}</legend>
          <div className="grid gap-3 md:grid-cols-2">
            {radio('not-charged', t('notCharged'), t('notChargedHint'))}
            {radio('paid', t('paid'), t('paidHint'))}
          </div>
          {/* Kept (a live region), but empty it takes no room: a blank line under the choices
              stood between them and the reason. */}
          <p id="settle-outcome-help" aria-live="polite" className="mt-1 text-sm empty:mt-0">
            {fieldError('outcome') ? (
              <span className="text-status-failed">{fieldError('outcome')}</span>
            ) : null}
          </p>
        </fieldset>
        {outcome === 'paid' ? (
          <Field id="settle-order-no" name="order_no" label={t('orderNo')} error={orderError}>
            <input
              id="settle-order-no"
              name="order_no"
              defaultValue={typed?.order_no ?? ''}
              inputMode="numeric"
              autoComplete="off"
              maxLength={ORDER_NO_MAX}
              aria-invalid={Boolean(orderError)}
              aria-describedby="settle-order-no-help"
              data-testid="settle-order-no"
              className={`${control} font-mono`}
            />
          </Field>
        ) : null}
        <Field
          id="settle-reason"
          name="reason"
          label={t('reason')}
          error={reasonError}
          hint={t('reasonHint', { max: SETTLE_REASON_MAX })}
        >
          <textarea
            id="settle-reason"
            name="reason"
            defaultValue={typed?.reason ?? ''}
            rows={2}
            maxLength={SETTLE_REASON_MAX}
            aria-invalid={Boolean(reasonError)}
            aria-describedby="settle-reason-help"
            data-testid="settle-reason"
            className={`${control} h-auto py-2`}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit"
            disabled={pending}
            data-testid="settle-submit"
            className={buttonClass('danger')}
          >
            {pending ? t('checking') : t('submit')}
          </button>
          {result}
        </div>
      </form>
    </Card>
  )
}
