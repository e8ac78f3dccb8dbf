'use client'

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { focusOnMount } from '@/components/charges/focus-on-mount'
import { MarkPart } from '@/components/charges/pay-way-mark-later'
import type { PayWay } from '@/lib/dms/types'
import { parseBillNumber } from '@/lib/charges/bill-number'
import { formatFen, parseYuan } from '@/lib/money'
import { createChargeAction, type NewChargeState } from './actions'
import { useChargeFlow } from './charge-flow'
import { onChargeFormKeyDown, PAY_WAY_KEYS } from './pay-way-keys'
import { buttonClass } from '@/components/ui/button'
import { deferred } from '@/components/ui/deferred'

/**
 * What the action answered when it did not create a charge. Fetched as soon as this code runs in
 * the browser, like the charge screen (charge-flow.tsx): fetched on submit, its script was
 * evaluated in the very moments the create's request was being sent.
 */
const outcome = deferred(() => import('./form-outcome').then((m) => m.FormOutcome))
if (typeof window !== 'undefined') void outcome.preload()

const PAY_WAYS: PayWay[] = ['SCAN_WEIXIN', 'SCAN_ALIPAY']

interface Props {
  stations: { id: string; name: string }[]
  stationId: string
  prefill: { bzOrder: string; amount: string; payWay: PayWay }
  maxAmountFen: number
}

export function ChargeForm({ stations, stationId, prefill, maxAmountFen }: Props) {
  const t = useTranslations('newCharge')
  const tWay = useTranslations('payWay')
  const locale = useLocale()
  const { showPreview, showCharge } = useChargeFlow()
  // One create at a time: a second click or Enter while one is out sends nothing.
  const inFlight = useRef(false)
  // The form's state follows the create's answer; the request itself is sent by `submit`.
  const [state, action, pending] = useActionState<NewChargeState, Promise<NewChargeState>>(
    async (_previous, answer) => {
      let next: NewChargeState | undefined
      try {
        next = await answer
      } finally {
        inFlight.current = next?.status === 'ok' && next.data.kind === 'created'
      }
      // The screen from the answer itself, at once rather than with the form's transition: the QR
      // is what the cashier is waiting for (charge-flow.tsx).
      if (next.status === 'ok' && next.data.kind === 'created') showCharge(next.data)
      return next
    },
    { status: 'idle' },
  )
  // What was typed also comes back through the state (the form is mounted anew after Back).
  const values =
    state.status === 'error'
      ? state.values
      : state.status === 'ok' && state.data.kind !== 'created'
        ? state.data.values
        : undefined
  // A field's error goes as soon as the cashier changes that field; all of them while it submits.
  const [edited, setEdited] = useState<{ of: NewChargeState; names: string[] }>({
    of: state,
    names: [],
  })
  const editedNames = edited.of === state ? edited.names : []
  const fieldErrors = state.status === 'error' && !pending ? state.fieldErrors : undefined
  const fieldError = (name: 'bz_order' | 'amount' | 'pay_way' | 'station_id') => {
    if (editedNames.includes(name)) return null
    const key = fieldErrors?.[name]?.[0]
    // A stale refusal names the limit now in force (the page's copy may not have caught up yet).
    const max = state.status === 'error' ? Number(state.stale?.max ?? maxAmountFen) : maxAmountFen
    return key ? t(`errors.${name}.${key}`, { max: formatFen(max, locale) }) : null
  }
  const chosenWay = (values?.pay_way as PayWay | undefined) ?? prefill.payWay
  const input =
    'h-14 w-full rounded-xl border border-gray-300 bg-white px-4 text-2xl tabular focus:border-accent aria-[invalid=true]:border-status-failed'

  const formRef = useRef<HTMLFormElement>(null)
  // The preview goes when the action answers here (a refusal, an open charge).
  const wasPending = useRef(false)
  useEffect(() => {
    if (wasPending.current && !pending) showPreview(null)
    wasPending.current = pending
  }, [pending, showPreview])
  // Submitted by hand rather than through the form's `action`, so that nothing is sent twice (the
  // guard above) and the request is on its way before React draws anything: React draws the busy
  // form in a microtask of the click, which ran before the request was sent when the action was
  // called in the same task (about 9 ms, issue 14), so the busy form and the preview come in a
  // task of their own. The preview comes when what was typed will pass the server's checks as far
  // as the browser can tell; otherwise the form stays, for its field message.
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (inFlight.current) return
    inFlight.current = true
    const data = new FormData(e.currentTarget)
    // The previous state is not read by the action (defineAction takes the form alone).
    const answer = createChargeAction(state, data)
    setTimeout(() => {
      startTransition(() => action(answer))
      preview(data)
    }, 0)
  }
  const preview = (data: FormData) => {
    const bill = parseBillNumber(String(data.get('bz_order') ?? ''))
    const amount = parseYuan(String(data.get('amount') ?? ''), { maxFen: maxAmountFen })
    const payWay = data.get('pay_way') as PayWay | null
    if (!bill.ok || !amount.ok || !payWay || !data.get('station_id')) return
    showPreview({ bzOrder: bill.value, amountFen: amount.fen, payWay })
  }
  // After a refusal, the first field to fix has the focus (and is scrolled into view).
  useEffect(() => {
    if (state.status !== 'error') return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus()
  }, [state])

  return (
    <div className="space-y-6">
      {/* Above the form, so it is in view; hidden while a corrected form is on its way. */}
      {pending ? null : state.status === 'idle' ||
        (state.status === 'ok' && state.data.kind === 'created') ? (
        // A created charge has its own screen (charge-flow.tsx): nothing to say here.
        <div aria-live="polite" />
      ) : (
        <outcome.Part state={state} fallback={<div aria-live="polite" />} />
      )}
      <form
        ref={formRef}
        className="space-y-6"
        noValidate
        onKeyDown={onChargeFormKeyDown}
        onSubmit={submit}
        onChange={(e) => {
          const name = (e.target as unknown as HTMLInputElement).name
          if (!editedNames.includes(name)) setEdited({ of: state, names: [...editedNames, name] })
        }}
      >
        <input type="hidden" name="drawn_max_fen" value={maxAmountFen} />
        <div>
          <label htmlFor="bz_order" className="mb-1 block font-medium">
            {t('billNumber')}
          </label>
          <input
            id="bz_order"
            name="bz_order"
            ref={focusOnMount}
            autoComplete="off"
            spellCheck={false}
            defaultValue={values?.bz_order ?? prefill.bzOrder}
            aria-invalid={Boolean(fieldError('bz_order'))}
            aria-describedby="bz_order-help"
            className={input}
          />
          <p id="bz_order-help" aria-live="polite" className="mt-1 text-sm">
            {fieldError('bz_order') ? (
              <span className="text-status-failed" data-testid="field-error-bz_order">
                {fieldError('bz_order')}
              </span>
            ) : (
              <span className="text-gray-500">{t('billHint')}</span>
            )}
          </p>
        </div>

        <div>
          <label htmlFor="amount" className="mb-1 block font-medium">
            {t('amount')}
          </label>
          <div className="relative">
            <span className="pointer-events-none absolute top-1/2 left-4 -translate-y-1/2 text-2xl text-gray-400">
              ¥
            </span>
            <input
              id="amount"
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              defaultValue={values?.amount ?? prefill.amount}
              aria-invalid={Boolean(fieldError('amount'))}
              aria-describedby="amount-help"
              className={`${input} pl-10`}
            />
          </div>
          <p id="amount-help" aria-live="polite" className="mt-1 text-sm">
            {fieldError('amount') ? (
              <span className="text-status-failed" data-testid="field-error-amount">
                {fieldError('amount')}
              </span>
            ) : (
              <span className="text-gray-500">{t('amountHint')}</span>
            )}
          </p>
        </div>

        <fieldset>
          <legend className="mb-2 font-medium">{t('payWay')}</legend>
          {/* On a 390 px phone English "WeChat Pay" needs every pixel of its card: tighter gaps
              and padding there, or the name ran through the card's right padding to its border. */}
          <div className="grid grid-cols-2 gap-2 sm:gap-3">
            {PAY_WAYS.map((way, i) => (
              <label
                key={way}
                className="relative flex h-16 cursor-pointer items-center gap-1.5 rounded-xl border-2 border-gray-200 bg-white px-2 text-base font-medium whitespace-nowrap has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:focus-visible]:ring-2 sm:gap-3 sm:px-4 sm:text-lg"
              >
                <input
                  type="radio"
                  name="pay_way"
                  value={way}
                  defaultChecked={way === chosenWay}
                  aria-keyshortcuts={`Alt+${PAY_WAY_KEYS[i]}`}
                  className="sr-only"
                />
                <MarkPart payWay={way} size={32} />
                {tWay(way)}
                {/* On the card's top edge: never in the way of the name. Not on a phone, which has
                    no Alt key (and there "WeChat Pay" needs the card's whole width). */}
                <kbd
                  data-testid={`pay-way-key-${way}`}
                  aria-hidden
                  className="absolute -top-2.5 right-3 hidden rounded-md border border-gray-300 bg-white px-1.5 font-mono text-xs leading-5 font-normal whitespace-nowrap text-gray-500 sm:block"
                >
                  {t('payWayKey', { n: PAY_WAY_KEYS[i]! })}
                </kbd>
              </label>
            ))}
          </div>
        </fieldset>

        <div>
          <label htmlFor="station_id" className="mb-1 block font-medium">
            {t('station')}
          </label>
          <select
            id="station_id"
            name="station_id"
            defaultValue={values?.station_id ?? stationId}
            className="h-12 w-full rounded-xl border border-gray-300 bg-white px-3 text-lg"
          >
            {stations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>

        <button
          type="submit"
          disabled={pending}
          data-testid="charge-submit"
          className={`${buttonClass('primary', 'lg')} h-16 w-full text-xl shadow-sm`}
        >
          {pending ? t('submitting') : t('submit')}
        </button>
        {/* Not on a phone: it has no Alt key, and the hint's two lines broke a word (选/择). */}
        <p className="hidden text-center text-sm text-gray-500 sm:block">{t('keyboardHint')}</p>
      </form>
    </div>
  )
}
