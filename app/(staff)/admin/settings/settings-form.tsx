'use client'

import { useActionState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { useActionTexts } from '@/components/admin/use-action-texts'
import { control, Field, FormMessage } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { formatFen } from '@/lib/money'
import { saveSettingsAction, type SettingsActionState } from './actions'

export interface SettingsValues {
  shop_name: string
  language: string
  cashier_timeout_min: string
  max_amount: string
  speak_paid: boolean
}

type TextName = 'shop_name' | 'cashier_timeout_min' | 'max_amount'

export function SettingsForm({ saved, limitFen }: { saved: SettingsValues; limitFen: number }) {
  const t = useTranslations('admin.settings')
  const locale = useLocale()
  const [state, action] = useActionState<SettingsActionState, FormData>(saveSettingsAction, {
    status: 'idle',
  })
  const { values, formError, fieldError } = useActionTexts(state)
  const error = (name: string) => fieldError(name, { limit: formatFen(limitFen, locale) })
  // After an error the typed values come back; otherwise the saved ones (fresh after a save).
  const shown: SettingsValues = values
    ? {
        shop_name: values.shop_name ?? '',
        language: values.language ?? saved.language,
        cashier_timeout_min: values.cashier_timeout_min ?? '',
        max_amount: values.max_amount ?? '',
        speak_paid: values.speak_paid === 'on',
      }
    : saved
  // Inputs remount when the values to show change: after an error, or after a save re-renders.
  const key = JSON.stringify(shown)
  const described = (name: string) => ({
    id: name,
    name,
    'aria-invalid': Boolean(error(name)),
    'aria-describedby': `${name}-help`,
  })
  const text = (name: TextName, extra?: React.InputHTMLAttributes<HTMLInputElement>) => (
    <input
      key={key}
      {...described(name)}
      {...extra}
      autoComplete="off"
      defaultValue={shown[name]}
      className={`${control} ${extra?.className ?? ''}`}
    />
  )
  const done = state.status === 'ok' ? t(state.data.changed === 0 ? 'unchanged' : 'saved') : null

  return (
    <form action={action} noValidate className="space-y-5 break-keep" data-testid="settings-form">
      <Field
        id="shop_name"
        name="shop_name"
        label={t('shopName')}
        hint={t('shopNameHint')}
        error={error('shop_name')}
      >
        {text('shop_name')}
      </Field>
      <Field
        id="language"
        name="language"
        label={t('language')}
        hint={t('languageHint')}
        error={error('language')}
      >
        <select
          key={key}
          {...described('language')}
          defaultValue={shown.language}
          className={control}
        >
          <option value="zh-CN" lang="zh-CN">
            简体中文
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="cashier_timeout_min"
          name="cashier_timeout_min"
          label={t('timeout')}
          hint={t('timeoutHint')}
          error={error('cashier_timeout_min')}
        >
          {text('cashier_timeout_min', { inputMode: 'numeric', className: 'tabular' })}
        </Field>
        <Field
          id="max_amount"
          name="max_amount"
          label={t('maxAmount')}
          hint={t('maxAmountHint')}
          error={error('max_amount')}
        >
          {text('max_amount', { inputMode: 'decimal', className: 'tabular' })}
        </Field>
      </div>
      <label className="flex min-h-11 cursor-pointer items-center gap-3">
        <input
          key={key}
          type="checkbox"
          name="speak_paid"
          defaultChecked={shown.speak_paid}
          className="h-5 w-5 accent-accent"
        />
        <span>
          <span className="block font-medium">{t('speakPaid')}</span>
          <span className="block text-sm text-gray-500">{t('speakPaidHint')}</span>
        </span>
      </label>
      <FormMessage tone="error" text={formError} testId="settings-error" />
      <FormMessage tone="success" text={done} testId="settings-saved" />
      <SubmitButton label={t('save')} pendingLabel={t('saving')} testId="settings-submit" />
    </form>
  )
}
