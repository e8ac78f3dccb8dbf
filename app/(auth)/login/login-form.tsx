'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { login, type LoginState } from './actions'

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('login')
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {})
  return (
    <form action={action} className="space-y-5" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <label className="block">
        <span className="mb-1 block text-sm font-medium text-gray-700">{t('username')}</span>
        <input
          name="username"
          autoComplete="username"
          autoFocus
          required
          defaultValue={state.username}
          className="h-12 w-full rounded-lg border border-gray-300 px-3 text-lg focus:border-accent"
        />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium text-gray-700">{t('password')}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="h-12 w-full rounded-lg border border-gray-300 px-3 text-lg focus:border-accent"
        />
      </label>
      <p
        aria-live="polite"
        data-testid="login-error"
        className="min-h-6 text-sm text-status-failed"
      >
        {state.error ? t(`error.${state.error}`, { minutes: state.minutes ?? 0 }) : ''}
      </p>
      <button type="submit" disabled={pending} className={`${buttonClass('primary', 'lg')} w-full`}>
        {pending ? t('signingIn') : t('submit')}
      </button>
    </form>
  )
}
