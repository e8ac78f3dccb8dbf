import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Locale } from '@/lib/locale'

const cache = new Map<Locale, Record<string, unknown>>()

/** A file's namespace: kebab-case files (`new-charge.json`), camelCase namespaces (`newCharge`). */
export function namespaceOf(fileName: string): string {
  return fileName.replace(/\.json$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

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
    files.map(async (f) => [namespaceOf(f), JSON.parse(await readFile(path.join(dir, f), 'utf8'))]),
  )
  const messages = Object.fromEntries(entries) as Record<string, unknown>
  cache.set(locale, messages)
  return messages
}
