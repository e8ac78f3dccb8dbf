'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { useActionTexts } from '@/components/admin/use-action-texts'
import { control, Field, FormMessage } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { addStationAction, renameStationAction, type StationActionState } from './actions'

/** Adds a station (no `station`) or renames one: the same one-field form. */
export function StationNameForm({ station }: { station?: { id: string; name: string } }) {
  const t = useTranslations('admin.stations')
  const [state, action] = useActionState<StationActionState, FormData>(
    station ? renameStationAction : addStationAction,
    { status: 'idle' },
  )
  const { values, formError, fieldError } = useActionTexts(state)
  const id = station ? `name-${station.id}` : 'new-station-name'
  const error = fieldError('name')
  const done = state.status !== 'ok' ? null : t(station ? 'renamed' : 'added', state.data)
  return (
    <form
      action={action}
      noValidate
      data-testid={station ? 'rename-station-form' : 'add-station-form'}
    >
      {station ? <input type="hidden" name="station_id" value={station.id} /> : null}
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <Field
            id={id}
            name="name"
            label={t(station ? 'name' : 'newName')}
            hint={station ? undefined : t('nameHint')}
            error={error}
          >
            <input
              // A successful rename re-renders with the new name as the default.
              key={station?.name}
              id={id}
              name="name"
              autoComplete="off"
              defaultValue={values?.name ?? station?.name ?? ''}
              aria-invalid={Boolean(error)}
              aria-describedby={`${id}-help`}
              className={control}
            />
          </Field>
        </div>
        <div className="pt-7">
          <SubmitButton
            label={t(station ? 'rename' : 'add')}
            pendingLabel={t('saving')}
            variant={station ? 'secondary' : 'primary'}
            testId={station ? 'rename-station' : 'add-station'}
          />
        </div>
      </div>
      <FormMessage tone="error" text={formError} testId="station-error" />
      <FormMessage tone="success" text={done} testId="station-saved" />
    </form>
  )
}
