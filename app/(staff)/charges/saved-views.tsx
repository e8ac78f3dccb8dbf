'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import Link from 'next/link'
import { buttonClass } from '@/components/ui/button'
import { controlBase } from '@/components/ui/field'
import type { SavedView } from '@/lib/charges/queries/saved-views'
import { deleteViewAction, saveViewAction, type ViewState } from './actions'

const ERRORS = ['invalid', 'too-many', 'invalid-input', 'forbidden', 'unauthenticated']

/** The manager's named filters: one link each, and saving the filters now on screen. */
export function SavedViews({ views, current }: { views: SavedView[]; current: string }) {
  const t = useTranslations('manager.views')
  const [saved, save, saving] = useActionState<ViewState, FormData>(saveViewAction, {
    status: 'idle',
  })
  const [, remove, removing] = useActionState<ViewState, FormData>(deleteViewAction, {
    status: 'idle',
  })
  const error = saved.status === 'error' ? saved.error : null
  return (
    <section aria-label={t('label')} className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium text-gray-600">{t('label')}</span>
      {views.length === 0 ? <span className="text-sm text-gray-600">{t('none')}</span> : null}
      {views.map((v) => (
        <span
          key={v.name}
          className="inline-flex items-center rounded-lg bg-white ring-1 ring-gray-200"
        >
          <Link
            href={v.query ? `/charges?${v.query}` : '/charges'}
            data-testid="saved-view"
            aria-current={v.query === current ? 'true' : undefined}
            className="inline-flex min-h-11 items-center px-3 text-sm font-medium text-accent aria-[current]:bg-accent-soft"
          >
            {v.name}
          </Link>
          <form action={remove}>
            <input type="hidden" name="name" value={v.name} />
            <button
              type="submit"
              disabled={removing}
              aria-label={t('delete', { name: v.name })}
              className="min-h-11 min-w-11 text-gray-400 hover:text-status-failed"
            >
              ×
            </button>
          </form>
        </span>
      ))}
      <form action={save} className="flex w-full flex-wrap items-center gap-2 sm:ml-auto sm:w-auto">
        <input type="hidden" name="query" value={current} />
        <label htmlFor="view-name" className="sr-only">
          {t('name')}
        </label>
        <input
          id="view-name"
          name="name"
          required
          maxLength={40}
          placeholder={t('name')}
          defaultValue={saved.status === 'error' ? saved.values?.name : undefined}
          className={`${controlBase} min-w-0 flex-1 sm:w-64 sm:flex-none`}
        />
        <button type="submit" disabled={saving} className={buttonClass('secondary')}>
          {t('save')}
        </button>
        <span aria-live="polite" className="text-sm text-status-failed">
          {error ? t(`errors.${ERRORS.includes(error) ? error : 'invalid'}`) : null}
        </span>
      </form>
    </section>
  )
}
