'use client'

import { useNow } from './use-now'

/** One missed poll is not news; this long without an answer is. */
const SHOW_AFTER_MS = 4_000

/** A small, calm corner mark while the tablet cannot reach the server; it goes away by itself. */
export function ReconnectingMark({ lastOkAt, text }: { lastOkAt: number; text: string }) {
  const now = useNow(1_000)
  if (now - lastOkAt < SHOW_AFTER_MS) return null
  return (
    <p
      data-testid="reconnecting"
      role="status"
      className="fixed right-[2vmin] bottom-[2vmin] flex items-center gap-2 rounded-full bg-black/60 px-4 py-2 text-base text-white/90"
    >
      <span className="h-2.5 w-2.5 animate-pulse rounded-full bg-amber-400" aria-hidden />
      {text}
    </p>
  )
}
