import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Locale } from '@/lib/locale'

const cache = new Map<Locale, Record<string, unknown>>()

/**
 * Messages live in one file per namespace (messages/<locale>/<namespace>.json) so that features add
 * their own texts without touching a shared file; they are merged once per process.
 */
export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const hit = cache.get(locale)
  if (hit) return hit
  const dir = path.join(process.cwd(), 'messages', locale)
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()
  const entries = await Promise.all(
    files.map(async (f) => [f.slice(0, -5), JSON.parse(await readFile(path.join(dir, f), 'utf8'))]),
  )
  const messages = Object.fromEntries(entries) as Record<string, unknown>
  cache.set(locale, messages)
  return messages
}
