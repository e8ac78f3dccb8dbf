'use client'

import { useEffect, useState } from 'react'
import type { PairTexts } from './texts'

/**
 * The tablet before it is paired (or after it was revoked): one big code field and one button. A
 * plain form posting to /api/display/pair, so it works even before scripts load; the server
 * answers with a redirect back here, paired or with `notice`.
 */
export function PairScreen({
  notice,
  texts,
}: {
  notice: 'invalid' | 'limited' | null
  texts: PairTexts
}) {
  const [sending, setSending] = useState(false)
  useEffect(() => {
    // Coming back to this page from the browser's back-forward cache: the form is usable again.
    const reset = (e: PageTransitionEvent) => e.persisted && setSending(false)
    window.addEventListener('pageshow', reset)
    return () => window.removeEventListener('pageshow', reset)
  }, [])
  return (
    <main
      data-testid="pair-screen"
      className="flex h-full w-full items-center justify-center overflow-y-auto bg-tablet p-6 text-white"
    >
      <form
        method="post"
        action="/api/display/pair"
        onSubmit={() => setSending(true)}
        className="flex w-full max-w-xl flex-col gap-6 text-center"
      >
        <h1 className="text-4xl font-bold">{texts.title}</h1>
        <p className="text-xl text-balance text-slate-300">{texts.intro}</p>
        <label htmlFor="pair-code" className="text-lg font-medium text-slate-200">
          {texts.label}
        </label>
        <input
          id="pair-code"
          name="code"
          required
          autoFocus
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          maxLength={12}
          placeholder={texts.placeholder}
          aria-describedby="pair-help"
          aria-invalid={notice === 'invalid'}
          className="h-24 w-full rounded-2xl bg-white text-center text-5xl font-bold tracking-[0.3em] text-gray-900 uppercase placeholder:text-gray-300"
        />
        <div aria-live="assertive" className="min-h-8">
          {notice ? (
            <p
              data-testid="pair-error"
              className="rounded-xl bg-red-500/20 p-3 text-lg text-red-100"
            >
              {texts[notice]}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          data-testid="pair-submit"
          disabled={sending}
          className="h-20 w-full rounded-2xl bg-accent text-3xl font-semibold text-white hover:bg-accent-strong disabled:opacity-60"
        >
          {sending ? texts.sending : texts.submit}
        </button>
        <p id="pair-help" className="text-lg text-slate-400">
          {texts.hint}
        </p>
      </form>
    </main>
  )
}
