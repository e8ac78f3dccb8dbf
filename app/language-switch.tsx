'use client'

import { useTransition } from 'react'
import { useLocale } from 'next-intl'
import { useRouter } from 'next/navigation'
import type { Locale } from '@/lib/locale'
import { chooseLocale } from './actions'

/*
 * Each language named in itself, so whoever cannot read the page still finds theirs. Only the one
 * not in use is offered: the page itself says which is, and one word instead of two is what lets an
 * admin's English header keep to one row at 1280 px.
 */
const OTHER = {
  'zh-CN': { value: 'en', label: 'English' },
  en: { value: 'zh-CN', label: '中文' },
} as const satisfies Record<Locale, { value: Locale; label: string }>

/**
 * The language switch, on the sign-in page and in the staff header (which takes it as a slot:
 * components never import app/). It imports its action rather than taking it as a prop, so the
 * action is declared in the page's scripts, where the secrets spec finds it by name.
 */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const current: Locale = useLocale()
  const router = useRouter()
  const [pending, start] = useTransition()
  const other = OTHER[current]
  const color =
    tone === 'dark' ? 'text-blue-100 hover:text-white' : 'text-gray-600 hover:text-gray-900'
  return (
    <button
      type="button"
      lang={other.value}
      aria-busy={pending}
      onClick={() =>
        start(async () => {
          await chooseLocale(other.value)
          router.refresh()
        })
      }
      className={`min-h-11 rounded px-2 text-sm whitespace-nowrap ${color}`}
    >
      {other.label}
    </button>
  )
}
