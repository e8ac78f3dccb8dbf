'use client'

import { useActionState, useState } from 'react'
import { useTranslations } from 'next-intl'
import { buttonClass } from '@/components/ui/button'
import { control, FormMessage } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { renameTabletAction, type RenameTabletState } from './actions'
import { useTabletNotice } from './tablet-notice'

/**
 * The tablet's name with a rename in place: the manager names it for where it stands ("左侧柜台")
 * instead of the browser it runs. The list shows the new name as soon as the page refreshes.
 */
export function RenameTablet({
  stationId,
  deviceId,
  name,
  automatic,
}: {
  stationId: string
  deviceId: string
  /** As shown, in the page's words. */
  name: string
  /**
   * The name the browser made (device-label.ts): its field starts empty, the name as its hint. Put
   * in the field, the shown words would be saved as typed and read in Chinese on an English page.
   */
  automatic: boolean
}) {
  const t = useTranslations('tablets')
  const [editing, setEditing] = useState(false)
  const notice = useTabletNotice()
  const [state, action] = useActionState<RenameTabletState, FormData>(
    async (prev, form) => {
      const next = await renameTabletAction(prev, form)
      if (next.status === 'ok') setEditing(false)
      // Revoked meanwhile: the re-rendered list drops this row, and its message with it.
      notice(next.status === 'error' && next.stale ? next.error : null)
      return next
    },
    { status: 'idle' },
  )
  const failed = state.status === 'error' ? state : null
  const code = failed?.fieldErrors?.device_name?.[0]
  const error = !failed
    ? null
    : code
      ? t.has(`nameErrors.${code}`)
        ? t(`nameErrors.${code}`)
        : t('nameErrors.invalid')
      : t.has(`errors.${failed.error}`)
        ? t(`errors.${failed.error}`)
        : t('errors.unexpected')
  if (!editing) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="tablet-name">{name}</span>
        <button
          type="button"
          className={`${buttonClass('secondary')} text-sm`}
          data-testid="rename-tablet"
          aria-label={t('renameFor', { name })}
          onClick={() => setEditing(true)}
        >
          {t('rename')}
        </button>
        <FormMessage
          tone="success"
          text={state.status === 'ok' ? t('renamed', { name: state.data.name }) : null}
          testId="tablet-renamed"
        />
      </div>
    )
  }
  const inputId = `tablet-name-${deviceId}`
  return (
    <form action={action} noValidate className="space-y-1" data-testid="rename-tablet-form">
      <input type="hidden" name="station_id" value={stationId} />
      <input type="hidden" name="device_id" value={deviceId} />
      <label htmlFor={inputId} className="sr-only">
        {t('newName')}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={inputId}
          name="device_name"
          autoComplete="off"
          autoFocus
          defaultValue={failed?.values?.device_name ?? (automatic ? '' : name)}
          placeholder={automatic ? name : undefined}
          aria-invalid={Boolean(code)}
          aria-describedby={`${inputId}-help`}
          className={`${control} max-w-60`}
        />
        <SubmitButton
          label={t('renameSave')}
          pendingLabel={t('renaming')}
          variant="secondary"
          testId="rename-tablet-save"
        />
        <button
          type="button"
          className={buttonClass('secondary')}
          onClick={() => setEditing(false)}
        >
          {t('renameCancel')}
        </button>
      </div>
      <p id={`${inputId}-help`} className="text-sm text-gray-500">
        {t('nameHint')}
      </p>
      <FormMessage tone="error" text={error} testId="tablet-rename-error" />
    </form>
  )
}
