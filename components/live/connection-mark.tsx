'use client'

import { useTranslations } from 'next-intl'
import type { Connection } from './use-live-view'

/**
 * Whether the screen is still hearing from the server (`connection`, data-state online|offline).
 * Said loudly only when it is not: a cashier who believes an unpaid QR is still waiting may charge
 * twice, so a lost connection says that the state on screen is unknown until it comes back.
 */
export function ConnectionMark({ connection }: { connection: Connection }) {
  const t = useTranslations('connection')
  const offline = connection === 'offline'
  return (
    <div
      data-testid="connection"
      data-state={offline ? 'offline' : 'online'}
      role="status"
      className={
        offline
          ? 'flex items-start gap-3 rounded-2xl bg-amber-100 p-4 text-amber-950 ring-2 ring-amber-500'
          : 'sr-only'
      }
    >
      {offline ? (
        <>
          <span
            aria-hidden
            className="mt-1 h-4 w-4 shrink-0 animate-pulse rounded-full bg-amber-600"
          />
          <span>
            <span className="block text-xl font-bold">{t('offlineTitle')}</span>
            <span className="block text-base">{t('offlineBody')}</span>
          </span>
        </>
      ) : (
        t('online')
      )}
    </div>
  )
}
