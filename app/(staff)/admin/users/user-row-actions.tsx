'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { useActionTexts } from '@/components/admin/use-action-texts'
import { controlBase, FormMessage } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { USER_ROLES, type UserRole } from '@/lib/users/roles'
import {
  changeRoleAction,
  endSessionsAction,
  resetPasswordAction,
  setEnabledAction,
  type UserActionState,
} from './actions'

interface Props {
  username: string
  role: UserRole
  disabled: boolean
  /** The signed-in admin's own row: no role change or disable (lib/users/manage.ts refuses them). */
  self: boolean
}

const idle: UserActionState = { status: 'idle' }

/** One user's actions: change role, disable or enable, reset the password (folded until opened). */
export function UserRowActions({ username, role, disabled, self }: Props) {
  const t = useTranslations('admin.users.row')
  const tRoles = useTranslations('roles')
  const [roleState, roleAction] = useActionState(changeRoleAction, idle)
  const [enabledState, enabledAction] = useActionState(setEnabledAction, idle)
  const [passwordState, passwordAction] = useActionState(resetPasswordAction, idle)
  const [sessionsState, sessionsAction] = useActionState(endSessionsAction, idle)
  const roleTexts = useActionTexts(roleState)
  const enabledTexts = useActionTexts(enabledState)
  const sessionsTexts = useActionTexts(sessionsState)
  const passwordTexts = useActionTexts(passwordState)
  const passwordError = passwordTexts.fieldError('password') ?? passwordTexts.formError
  const passwordHelp = `password-${username}-help`

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        {self ? (
          <p
            data-testid="own-account-note"
            className="flex min-h-11 items-center text-sm text-gray-500"
          >
            {t('ownAccount')}
          </p>
        ) : (
          <>
            <form action={roleAction} className="flex items-center gap-2">
              <input type="hidden" name="username" value={username} />
              <select
                key={role}
                name="role"
                defaultValue={role}
                aria-label={t('roleFor', { username })}
                className={`${controlBase} w-auto`}
              >
                {USER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {tRoles(r)}
                  </option>
                ))}
              </select>
              <SubmitButton
                label={t('changeRole')}
                pendingLabel={t('saving')}
                variant="secondary"
                testId="change-role"
              />
            </form>
            <form action={enabledAction}>
              <input type="hidden" name="username" value={username} />
              <input type="hidden" name="enabled" value={disabled ? 'true' : 'false'} />
              <SubmitButton
                label={disabled ? t('enable') : t('disable')}
                pendingLabel={t('saving')}
                variant={disabled ? 'secondary' : 'danger'}
                testId={disabled ? 'enable-user' : 'disable-user'}
              />
            </form>
          </>
        )}
        {disabled ? null : (
          <form action={sessionsAction}>
            <input type="hidden" name="username" value={username} />
            <SubmitButton
              label={t('signOutEverywhere')}
              pendingLabel={t('saving')}
              variant="secondary"
              testId="end-sessions"
            />
          </form>
        )}
      </div>
      <FormMessage
        tone="error"
        text={roleTexts.formError}
        testId="user-row-error"
        className="mt-2"
      />
      <FormMessage
        tone="error"
        text={enabledTexts.formError}
        testId="user-row-error"
        className="mt-2"
      />
      <FormMessage
        tone="error"
        text={sessionsTexts.formError}
        testId="user-row-error"
        className="mt-2"
      />
      <FormMessage
        tone="success"
        text={sessionsState.status === 'ok' ? t('sessionsEnded', { username }) : null}
        testId="sessions-ended"
        className="mt-2"
      />
      <details className="mt-1" open={passwordState.status === 'error' || undefined}>
        <summary className="flex h-11 w-fit cursor-pointer items-center text-accent underline-offset-4 hover:underline">
          {t('resetPassword')}
        </summary>
        <form action={passwordAction} noValidate className="mt-1 flex flex-wrap items-start gap-2">
          <input type="hidden" name="username" value={username} />
          {/* Lets a password manager file the new password under this user, not the admin. */}
          <input type="text" autoComplete="username" value={username} readOnly hidden />
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            aria-label={t('newPasswordFor', { username })}
            placeholder={t('newPassword')}
            aria-invalid={Boolean(passwordError)}
            aria-describedby={passwordHelp}
            className={`${controlBase} w-56 max-lg:w-auto max-lg:min-w-0 max-lg:flex-1`}
          />
          <SubmitButton
            label={t('setPassword')}
            pendingLabel={t('saving')}
            variant="secondary"
            testId="reset-password"
          />
        </form>
        <div id={passwordHelp}>
          <FormMessage tone="error" text={passwordError} testId="user-row-error" className="mt-2" />
        </div>
      </details>
      <FormMessage
        tone="success"
        text={passwordState.status === 'ok' ? t('passwordSet', { username }) : null}
        testId="user-row-done"
        className="mt-2"
      />
    </div>
  )
}
