import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createTranslator } from 'next-intl'
import type { SayFailure } from '@/lib/charges/failure'
import type { SaySystemText } from '@/lib/charges/queries/csv-cells'
import type { Locale } from '@/lib/locale'

/** `manager.failure` in a language, as the export route hands it over: the real words, no tags. */
export function sayFailure(locale: Locale = 'zh-CN'): SayFailure {
  const file = join(process.cwd(), 'messages', locale, 'manager.json')
  const manager = JSON.parse(readFileSync(file, 'utf8')) as { failure: Record<string, string> }
  const t = createTranslator({ locale, messages: { manager }, namespace: 'manager.failure' })
  return (key, values) => t.markup(key, { ...values, dms: (chunks) => chunks })
}

/** `manager.systemText` in a language, as the export route hands it over. */
export function saySystemText(locale: Locale = 'zh-CN'): SaySystemText {
  const file = join(process.cwd(), 'messages', locale, 'manager.json')
  const manager = JSON.parse(readFileSync(file, 'utf8')) as { systemText: Record<string, string> }
  const t = createTranslator({ locale, messages: { manager }, namespace: 'manager.systemText' })
  return (kind, params) => t(kind, params)
}
