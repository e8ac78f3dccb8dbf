'use client'

import { createContext, useContext, useState } from 'react'
import { useTranslations } from 'next-intl'
import { FormMessage } from '@/components/ui/field'

/*
 * What a tablet's row had to say when the row itself is gone. Revoking or renaming a tablet that
 * was revoked from another page meanwhile is refused as stale, and the page re-rendered with that
 * refusal no longer lists the tablet: the row's own message went with it, and the manager saw the
 * row vanish without a word. The list keeps the sentence, above the tablets that are left.
 */

type Report = (error: string | null) => void

const NoticeContext = createContext<Report>(() => {})

/** Wraps the list (or its empty line); rows report through `useTabletNotice`. */
export function TabletNotices({ children }: { children: React.ReactNode }) {
  const t = useTranslations('tablets.errors')
  const [error, setError] = useState<string | null>(null)
  const text = error === null ? null : t.has(error) ? t(error) : t('unexpected')
  return (
    <NoticeContext value={setError}>
      <FormMessage tone="warning" text={text} testId="tablets-notice" className="mb-4" />
      {children}
    </NoticeContext>
  )
}

/**
 * For a row's action: reports a stale refusal's error key (its row is about to go), or clears the
 * notice (null) when the row's action went otherwise.
 */
export function useTabletNotice(): Report {
  return useContext(NoticeContext)
}
