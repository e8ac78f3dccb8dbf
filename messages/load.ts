import type { Locale } from '@/lib/locale'
import { NAMESPACE_FILES } from './namespaces'

const cache = new Map<Locale, Record<string, unknown>>()

/** A file's namespace: kebab-case files (`new-charge.json`), camelCase namespaces (`newCharge`). */
export function namespaceOf(fileName: string): string {
  return fileName.replace(/\.json$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

/**
 * Messages live in one file per namespace (messages/<locale>/<namespace>.json) so that features add
 * their own texts without touching a shared file; they are merged once per process. They are
 * imported, not read from disk: next-intl's plugin (next.config.js, `experimental.messages`)
 * compiles each ICU message at build time, so no browser downloads the ICU parser. What comes
 * back is for next-intl only: a message with arguments is compiled, not its source text.
 */
export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const hit = cache.get(locale)
  if (hit) return hit
  const entries = await Promise.all(
    NAMESPACE_FILES.map(async (file) => {
      const messages = (await import(`./${locale}/${file}.json`)) as { default: unknown }
      return [namespaceOf(file), messages.default] as const
    }),
  )
  const messages = Object.fromEntries(entries) as Record<string, unknown>
  cache.set(locale, messages)
  return messages
}
