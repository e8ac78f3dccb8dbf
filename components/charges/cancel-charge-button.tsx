'use client'

import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'

/**
 * 取消收款, asked twice: the first press only opens an inline confirm, because a cancel cannot be
 * undone while the customer may be paying that very moment. The confirm's default focus is on
 * "keep waiting", so a stray Enter never cancels; Escape closes it the same way. Escape anywhere
 * on the charge screen opens the confirm (never cancels by itself), so the keyboard reaches it too.
 * Its classes are written out rather than taken from buttonClass (components/ui/button.ts): this
 * is in the charge screen's first load and that module is not, and the screen's budget (issue 14:
 * bare Next + 20 KB) had no room for it (+0.2 KB put the screen over). A screen drawn QR first
 * holds an Esc pressed before this button is there and hands it over as `asked` (charge-screen.tsx).
 */
export function CancelChargeButton({
  chargeId,
  action,
  busy,
  cancelling,
  asked = false,
}: {
  chargeId: string
  action: (form: FormData) => void
  busy: boolean
  cancelling: boolean
  /** Esc was pressed on the screen before this button was drawn: open with the confirm. */
  asked?: boolean
}) {
  const t = useTranslations('charge')
  const [asking, setAsking] = useState(asked && !busy)
  const keepRef = useRef<HTMLButtonElement>(null)
  const openRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const bodyId = useId()

  useEffect(() => {
    if (asking) keepRef.current?.focus()
  }, [asking])

  // Listening from the commit that draws the button, not after its paint: the screen's own early
  // listener (charge-screen.tsx) stops in that same commit, so no Esc falls between the two.
  useLayoutEffect(() => {
    if (asking || busy) return
    const onKey = (e: KeyboardEvent) => {
      if (!screenEscape(e)) return
      e.preventDefault()
      setAsking(true)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [asking, busy])

  const keep = () => {
    setAsking(false)
    // Back on the button that opened it, so keyboard users are where they were.
    requestAnimationFrame(() => openRef.current?.focus())
  }

  return (
    <form action={action} className="border-t border-gray-200 pt-6">
      <input type="hidden" name="charge_id" value={chargeId} />
      {asking ? (
        <div
          role="alertdialog"
          aria-labelledby={titleId}
          aria-describedby={bodyId}
          data-testid="charge-cancel-dialog"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return
            // Handled: the screen's own Escape (which opens this confirm) must not see it again.
            e.preventDefault()
            keep()
          }}
          className="space-y-3 rounded-xl border-2 border-red-200 bg-red-50 p-4"
        >
          <p id={titleId} className="text-lg font-semibold text-status-failed">
            {t('cancelConfirm.title')}
          </p>
          <p id={bodyId} className="text-gray-700">
            {t('cancelConfirm.body')}
          </p>
          <div className="flex flex-wrap justify-end gap-3">
            <button
              type="button"
              ref={keepRef}
              onClick={keep}
              disabled={cancelling}
              data-testid="charge-cancel-keep"
              className="h-12 rounded-xl border-2 border-gray-300 bg-white px-6 font-medium whitespace-nowrap hover:bg-gray-50 focus-visible:ring-4 focus-visible:ring-accent/40 focus-visible:outline-none disabled:opacity-50"
            >
              {t('cancelConfirm.keep')}
            </button>
            <button
              type="submit"
              disabled={busy}
              data-testid="charge-cancel-confirm"
              className="h-12 rounded-xl bg-status-failed px-6 font-semibold whitespace-nowrap text-white hover:opacity-90 focus-visible:ring-4 focus-visible:ring-red-300 focus-visible:outline-none disabled:opacity-50"
            >
              {cancelling ? t('cancelling') : t('cancelConfirm.confirm')}
            </button>
          </div>
        </div>
      ) : (
        <div className="flex justify-end">
          <button
            type="button"
            ref={openRef}
            onClick={() => setAsking(true)}
            disabled={busy}
            aria-haspopup="dialog"
            aria-keyshortcuts="Escape"
            data-testid="charge-cancel"
            className="h-12 rounded-xl border-2 border-red-200 bg-white px-6 font-medium whitespace-nowrap text-status-failed hover:bg-red-50 disabled:opacity-50"
          >
            {t('cancel')}
            <kbd
              aria-hidden
              className="ml-2 rounded-md border border-red-200 px-1.5 py-0.5 font-mono text-xs font-normal"
            >
              {t('cancelKey')}
            </kbd>
          </button>
        </div>
      )}
    </form>
  )
}

/** An Escape meant for the charge screen: not one already handled, held down, or in a field. */
export function screenEscape(e: KeyboardEvent): boolean {
  return e.key === 'Escape' && !e.defaultPrevented && !e.repeat && !typing(e.target)
}

/** Escape in a text field belongs to the field (clearing it, closing an IME), not to the screen. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)
  )
}
