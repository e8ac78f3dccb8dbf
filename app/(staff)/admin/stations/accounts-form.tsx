'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { useActionTexts } from '@/components/admin/use-action-texts'
import { control, Field, FormMessage } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import type { PayWay } from '@/lib/dms/types'
import { RECIEVER_FIELDS, type AccountFieldName } from './account-choice'
import type { AccountField } from './account-fields'
import { setAccountsAction, type AccountsActionState } from './actions'

interface Props {
  stationId: string
  payer: AccountField
  recievers: Record<PayWay, AccountField>
}

/** The payer, and the receiving account per pay way, one station charges with. */
export function AccountsForm({ stationId, payer, recievers }: Props) {
  const t = useTranslations('admin.stations.accounts')
  const tWay = useTranslations('payWay')
  const [state, action] = useActionState<AccountsActionState, FormData>(setAccountsAction, {
    status: 'idle',
  })
  const { values, formError, fieldError } = useActionTexts(state)
  const saved = state.status === 'ok' ? state.data : null
  const done = !saved
    ? null
    : t(!saved.changed ? 'unchanged' : saved.unchecked ? 'savedUnchecked' : 'saved')

  const account = (name: AccountFieldName, f: AccountField, label: string) => {
    const id = `${name}-${stationId}`
    const value = values?.[name] ?? f.current
    const error = fieldError(name)
    const common = {
      id,
      name,
      defaultValue: value,
      'aria-invalid': Boolean(error),
      'aria-describedby': `${id}-help`,
    }
    return (
      <Field
        id={id}
        name={name}
        label={label}
        error={error}
        warning={f.warning}
        hint={f.options ? undefined : t('plainHint')}
      >
        {f.options ? (
          // Remounted when the stored value changes: a select ignores a new defaultValue otherwise.
          <select key={value} {...common} data-testid={name} className={control}>
            {f.options.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            key={value}
            {...common}
            autoComplete="off"
            spellCheck={false}
            className={`${control} font-mono`}
          />
        )}
      </Field>
    )
  }

  return (
    <form action={action} noValidate className="space-y-3" data-testid="station-accounts-form">
      <input type="hidden" name="station_id" value={stationId} />
      <div className="grid gap-4 md:grid-cols-2">
        {/* The payer on a row of its own, the two pay ways side by side under it. */}
        <div className="md:col-span-2 md:w-[calc(50%-0.5rem)]">
          {account('payer_id', payer, t('payer'))}
        </div>
        {(Object.keys(RECIEVER_FIELDS) as PayWay[]).map((way) => (
          <div key={way}>
            {account(RECIEVER_FIELDS[way], recievers[way], t('recieverFor', { way: tWay(way) }))}
          </div>
        ))}
      </div>
      <p className="text-sm break-keep text-gray-600">{t('wayHint')}</p>
      <FormMessage tone="error" text={formError} testId="accounts-error" />
      <FormMessage
        tone={saved?.unchecked ? 'warning' : 'success'}
        text={done}
        testId="accounts-saved"
      />
      <SubmitButton
        label={t('save')}
        pendingLabel={t('saving')}
        variant="secondary"
        testId="save-accounts"
      />
    </form>
  )
}
