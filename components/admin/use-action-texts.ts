import { useTranslations } from 'next-intl'
import type { ActionState } from '@/lib/actions/define-action'

type Params = Record<string, string | number>

/**
 * Turns an admin action's state into texts: the form-level error (`admin.errors.<key>`), each field's
 * error (`admin.fields.<field>.<code>`) and the values typed before an error, to put back.
 * An unknown key falls back to a generic text rather than showing the key itself.
 */
export function useActionTexts<T>(state: ActionState<T>) {
  const t = useTranslations('admin')
  const failed = state.status === 'error' ? state : null
  const text = (key: string, fallback: string, params?: Params) =>
    t.has(key) ? t(key, params) : t(fallback)
  return {
    values: failed?.values,
    formError: failed ? text(`errors.${failed.error}`, 'errors.unexpected') : null,
    fieldError(name: string, params?: Params): string | null {
      const code = failed?.fieldErrors?.[name]?.[0]
      // The typed values are parameters too, so a text can quote them ("{username} is taken").
      const all = { ...failed?.values, ...params }
      return code ? text(`fields.${name}.${code}`, 'fields.invalid', all) : null
    },
  }
}
