'use client'

import { useRouter } from 'next/navigation'
import type { FormEvent } from 'react'

/**
 * A plain GET form (it works without JavaScript) that, with JavaScript, leaves empty fields out of
 * the URL so shared links stay short, and drops a quick pick once the days were edited by hand.
 */
export function FilterForm({ action, children }: { action: string; children: React.ReactNode }) {
  const router = useRouter()
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = e.currentTarget
    const edited = ['from', 'to'].some((name) => {
      const input = form.elements.namedItem(name)
      return input instanceof HTMLInputElement && input.value !== input.defaultValue
    })
    const params = new URLSearchParams()
    for (const [key, value] of new FormData(form)) {
      if (typeof value !== 'string' || value.trim() === '') continue
      if (key === 'range' && edited) continue
      params.append(key, value.trim())
    }
    const query = params.toString()
    router.push(query ? `${action}?${query}` : action)
  }
  return (
    <form method="get" action={action} onSubmit={submit} role="search">
      {children}
    </form>
  )
}
