import type { Locale } from '@/i18n/locales'
import { NAMESPACES } from './namespaces'

const cache = new Map<Locale, Record<string, unknown>>()

/**
 * Messages live in one file per namespace (messages/<locale>/<namespace>.json) so that features add
 * their own texts without touching a shared file; they are merged once per process. They are
 * imported, not read from disk: next-intl's plugin (next.config.ts, `experimental.messages`)
 * compiles each ICU message at build time, so no browser downloads the ICU parser. What comes
 * back is for next-intl only: a message with arguments is compiled, not its source text.
 */
export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const hit = cache.get(locale)
  if (hit) return hit
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => {
      const file = (await import(`./${locale}/${ns}.json`)) as { default: unknown }
      return [ns, file.default] as const
    }),
  )
  const messages = Object.fromEntries(entries) as Record<string, unknown>
  cache.set(locale, messages)
  return messages
}
