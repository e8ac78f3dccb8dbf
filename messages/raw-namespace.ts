import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Locale } from '@/lib/locale'

const cache = new Map<string, unknown>()

/**
 * One namespace's messages as written in messages/<locale>/<namespace>.json, read from disk: the
 * source texts, for code that fills them itself (the customer tablet's, app/display/texts.ts).
 * next-intl gets its messages from load.ts, compiled at build time.
 */
export async function loadRawNamespace(locale: Locale, namespace: string): Promise<unknown> {
  const key = `${locale}/${namespace}`
  const hit = cache.get(key)
  if (hit) return hit
  const file = path.join(process.cwd(), 'messages', locale, `${namespace}.json`)
  const messages: unknown = JSON.parse(await readFile(file, 'utf8'))
  cache.set(key, messages)
  return messages
}
