'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { useActionTexts } from '@/components/admin/use-action-texts'
import { control, Field, FormMessage } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { USER_ROLES } from '@/lib/users/roles'
import { addUserAction, type UserActionState } from './actions'

export function AddUserForm() {
  const t = useTranslations('admin.users.add')
  const tRoles = useTranslations('roles')
  const [state, action] = useActionState<UserActionState, FormData>(addUserAction, {
    status: 'idle',
  })
  const { values, formError, fieldError } = useActionTexts(state)
  // Passwords are never put back into the form after an error.
  const text = (name: 'username' | 'display_name') => ({
    id: `new-${name}`,
    name,
    defaultValue: values?.[name] ?? '',
    autoComplete: 'off',
    spellCheck: false,
    'aria-invalid': Boolean(fieldError(name)),
    'aria-describedby': `new-${name}-help`,
    className: control,
  })

  return (
    <form action={action} noValidate className="space-y-4" data-testid="add-user-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="new-username"
          name="username"
          label={t('username')}
          hint={t('usernameHint')}
          error={fieldError('username')}
        >
          <input {...text('username')} />
        </Field>
        <Field
          id="new-display_name"
          name="display_name"
          label={t('displayName')}
          hint={t('displayNameHint')}
          error={fieldError('display_name')}
        >
          <input {...text('display_name')} />
        </Field>
        <Field
          id="new-role"
          name="role"
          label={t('role')}
          hint={t('roleHint')}
          error={fieldError('role')}
        >
          <select
            key={values?.role ?? 'cashier'}
            id="new-role"
            name="role"
            defaultValue={values?.role ?? 'cashier'}
            aria-invalid={Boolean(fieldError('role'))}
            aria-describedby="new-role-help"
            className={control}
          >
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="new-password"
          name="password"
          label={t('password')}
          hint={t('passwordHint')}
          error={fieldError('password')}
        >
          <input
            id="new-password"
            name="password"
            type="password"
            autoComplete="new-password"
            aria-invalid={Boolean(fieldError('password'))}
            aria-describedby="new-password-help"
            className={control}
          />
        </Field>
      </div>
      <FormMessage tone="error" text={formError} testId="add-user-error" />
      <FormMessage
        tone="success"
        text={state.status === 'ok' ? t('added', { username: state.data.username }) : null}
        testId="add-user-done"
      />
      <SubmitButton label={t('submit')} pendingLabel={t('submitting')} testId="add-user-submit" />
    </form>
  )
}
