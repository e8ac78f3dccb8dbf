'use client'

import { useEffect, useRef, useState, useTransition } from 'react'
import { useTranslations } from 'next-intl'
import { isChargeStatus, type ChargeStatus } from '@/lib/charges/status'
import {
  isReceiptPaper,
  RECEIPT_PAPERS,
  type ReceiptPaper,
  type ReceiptView,
} from '@/lib/charges/receipt-view'
import { buttonClass } from '@/components/ui/button'
import { controlBase, FormMessage } from '@/components/ui/field'
import { useHydrated } from '@/components/ui/use-hydrated'
import { Receipt } from './receipt'
import type { FormAction, ReceiptActions } from './screen-actions'

const PAPER_KEY = 'receipt-paper'

/** Why a print by hand was refused: the charge is no longer paid (its status now), or it failed. */
type Refused = { stale: true; status: ChargeStatus | null } | { stale: false }

/**
 * 打印小票 for a paid charge: the server records the print (so a later copy is marked as a reprint)
 * and returns the receipt, which is then printed. The paper is this device's printer's, so it is
 * remembered on the device. With `auto` (the station prints by itself, and this screen saw the
 * payment arrive) the first copy prints once on mount; the server refuses it when any copy exists.
 * Mounted whatever the charge's status (`paid` says whether the button shows): a print refused
 * because the charge was refunded since the page was drawn re-renders the page (the action's stale
 * refusal), the charge is no longer paid and the button goes, and what happened stays here, in the
 * same live region, where the button was.
 */
export function PrintReceiptButton({
  chargeId,
  paid,
  actions,
  auto = false,
}: {
  chargeId: string
  /** The charge is paid as the page shows it: only then is there a receipt to print. */
  paid: boolean
  /** From the server page (app/(staff)/charge/[id]/actions.ts): components never import app/. */
  actions: ReceiptActions
  auto?: boolean
}) {
  const t = useTranslations('receipt')
  const tStatus = useTranslations('status')
  const paperRef = useRef<HTMLSelectElement>(null)
  const [printed, setPrinted] = useState<{ receipt: ReceiptView; paper: ReceiptPaper } | null>(null)
  const [refused, setRefused] = useState<Refused | null>(null)
  const [pending, startTransition] = useTransition()
  const hydrated = useHydrated()

  // Printed once the receipt is on the page (the print dialog shows what is rendered).
  useEffect(() => {
    if (printed) window.print()
  }, [printed])

  const print = (action: FormAction<ReceiptView>, manual: boolean) =>
    startTransition(async () => {
      const form = new FormData()
      form.set('charge_id', chargeId)
      const res = await action({ status: 'idle' }, form)
      // An automatic print that was not due (already printed, or turned off) is not a failure.
      if (manual) {
        const stale = res.status === 'error' ? res.stale : undefined
        const now = stale?.status
        setRefused(
          res.status === 'ok'
            ? null
            : stale
              ? { stale: true, status: isChargeStatus(now) ? now : null }
              : { stale: false },
        )
      }
      const chosen = paperRef.current?.value
      if (res.status === 'ok') {
        setPrinted({ receipt: res.data, paper: isReceiptPaper(chosen) ? chosen : '80' })
      }
    })

  // Once per mount, even when React runs effects twice in development.
  const autoAsked = useRef(false)
  useEffect(() => {
    // Only once paid: the part is mounted on every ended screen, and a charge closed first can
    // still turn paid (the payment won the race with the cancel).
    if (!auto || !paid || autoAsked.current) return
    autoAsked.current = true
    print(actions.autoPrint, false)
  })

  const said = !refused
    ? null
    : refused.stale
      ? t('stale', { status: refused.status ? tStatus(refused.status) : '' })
      : t('failed')
  // The live region is there from the first draw and stays when the button goes (same place in
  // the fragment), so what the print came to is announced; a refusal because the charge changed
  // meanwhile is news (warning), a print that did not go through an error.
  const message = (
    <FormMessage
      inGroup
      tone={refused?.stale ? 'warning' : 'error'}
      text={said}
      testId="receipt-refused"
      className="print:hidden"
    />
  )
  return (
    <>
      {paid ? (
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          <button
            type="button"
            onClick={() => print(actions.print, true)}
            disabled={pending || !hydrated}
            data-testid="print-receipt"
            // On a phone the row's width (the next steps are a column of full-width buttons there).
            className={`${buttonClass('secondary', 'lg')} whitespace-nowrap max-sm:grow`}
          >
            {pending ? t('printing') : t('print')}
          </button>
          <label className="flex min-h-11 items-center gap-2 whitespace-nowrap text-gray-600">
            {t('paper')}
            <select
              name="receipt_paper"
              data-testid="receipt-paper"
              defaultValue="80"
              // The device's last choice, set on the element (no state: the server cannot know it).
              ref={(el) => {
                paperRef.current = el
                const saved = el ? window.localStorage.getItem(PAPER_KEY) : null
                if (el && isReceiptPaper(saved)) el.value = saved
              }}
              onChange={(e) => window.localStorage.setItem(PAPER_KEY, e.target.value)}
              // As tall as 打印小票 beside it, a large button (min-height over the control's h-11).
              className={`${controlBase} min-h-14`}
            >
              {RECEIPT_PAPERS.map((p) => (
                <option key={p} value={p}>
                  {t(`papers.${p}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      {message}
      {/* Outside the print:hidden row: in print, the receipt is the one thing shown. */}
      {printed ? <Receipt receipt={printed.receipt} paper={printed.paper} /> : null}
    </>
  )
}
