'use client'

import { useTransition } from 'react'
import { useLocale } from 'next-intl'
import { useRouter } from 'next/navigation'

const OPTIONS = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
] as const

/** The language buttons. The page passes the action that stores the choice (components never import app/). */
export function LanguageSwitch({
  choose,
  tone = 'light',
}: {
  choose: (locale: string) => Promise<void>
  tone?: 'light' | 'dark'
}) {
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
              await choose(o.value)
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
