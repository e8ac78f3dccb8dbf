'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { useActionTexts } from '@/components/admin/use-action-texts'
import { FormMessage } from '@/components/ui/field'
import { SubmitButton } from '@/components/ui/submit-button'
import { setAutoPrintAction, type AutoPrintActionState } from './actions'

/** 收款成功后自动打印小票: whether this station's cashier screen prints the receipt by itself. */
export function AutoPrintForm({ stationId, on }: { stationId: string; on: boolean }) {
  const t = useTranslations('admin.stations.autoPrint')
  const [state, action] = useActionState<AutoPrintActionState, FormData>(setAutoPrintAction, {
    status: 'idle',
  })
  const { formError } = useActionTexts(state)
  const saved = state.status === 'ok' ? state.data : null
  const done = !saved ? null : t(!saved.changed ? 'unchanged' : saved.on ? 'on' : 'off')
  const id = `auto-print-${stationId}`
  return (
    <form action={action} className="space-y-3" data-testid="station-auto-print-form">
      <input type="hidden" name="station_id" value={stationId} />
      <label htmlFor={id} className="flex min-h-11 cursor-pointer items-start gap-3">
        <input
          // Remounted when the stored value changes: a checkbox ignores a new defaultChecked.
          key={String(on)}
          id={id}
          type="checkbox"
          name="auto_print"
          defaultChecked={on}
          data-testid="station-auto-print"
          aria-describedby={`${id}-hint`}
          className="mt-0.5 h-5 w-5 shrink-0 accent-accent"
        />
        <span>
          <span className="block font-medium">{t('label')}</span>
          <span id={`${id}-hint`} className="block text-sm text-gray-500">
            {t('hint')}
          </span>
        </span>
      </label>
      <FormMessage tone="error" text={formError} testId="auto-print-error" />
      <FormMessage tone="success" text={done} testId="auto-print-saved" />
      <SubmitButton
        label={t('save')}
        pendingLabel={t('saving')}
        variant="secondary"
        testId="save-auto-print"
      />
    </form>
  )
}
