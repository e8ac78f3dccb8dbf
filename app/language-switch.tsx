'use client'

import { useTransition } from 'react'
import { useLocale } from 'next-intl'
import { useRouter } from 'next/navigation'
import { chooseLocale } from './actions'

const OPTIONS = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
] as const

/**
 * The language buttons, on the sign-in page and in the staff header (which takes it as a slot:
 * components never import app/). It imports its action rather than taking it as a prop, so the
 * action is declared in the page's scripts, where the secrets spec finds it by name.
 */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const current = useLocale()
  const router = useRouter()
  const [pending, start] = useTransition()
  const base =
    tone === 'dark' ? 'text-blue-100 hover:text-white' : 'text-gray-600 hover:text-gray-900'
  return (
    <div className="flex items-center gap-1 text-sm" aria-busy={pending}>
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          lang={o.value}
          aria-pressed={current === o.value}
          onClick={() =>
            start(async () => {
              await chooseLocale(o.value)
              router.refresh()
            })
          }
          className={`min-h-11 rounded px-2 whitespace-nowrap ${current === o.value ? 'font-semibold underline underline-offset-4' : ''} ${base}`}
        >
          {o.label}
        </button>
      ))}
    </div>
  )
}
