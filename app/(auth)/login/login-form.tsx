'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { login, type LoginState } from './actions'

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('login')
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {})
  return (
    <form action={action} noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <div className="space-y-5">
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
        <button
          type="submit"
          disabled={pending}
          className={`${buttonClass('primary', 'lg')} w-full`}
        >
          {pending ? t('signingIn') : t('submit')}
        </button>
      </div>
      {/* Under the button, where the eye is after pressing it, and taking no room while empty: a
          refusal adds its lines below (the page grows downward, see page.tsx), so the button never
          moves from under the pointer. Always rendered, so screen readers announce what arrives. */}
      <p
        aria-live="polite"
        data-testid="login-error"
        className="mt-3 text-sm text-status-failed empty:mt-0"
      >
        {state.error ? t(`error.${state.error}`, { minutes: state.minutes ?? 0 }) : null}
      </p>
    </form>
  )
}
