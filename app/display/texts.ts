import 'server-only'
import type { DisplayTexts, PairTexts } from '@/components/display/texts'
import type { Locale } from '@/lib/locale'
import { getSettings } from '@/lib/settings/repo'
import { loadRawNamespace } from '@/messages/raw-namespace'

/** The tablet belongs to the shop, not to whoever used the browser before: the shop's language. */
export async function shopLocale(): Promise<Locale> {
  const settings = await getSettings().catch(() => null)
  return settings?.language ?? 'zh-CN'
}

type DisplayMessages = DisplayTexts & { appName: string; shortName: string; pair: PairTexts }

/**
 * The tablet's texts for `locale`, straight from messages/<locale>/display.json (plain `{name}`
 * placeholders only; components/display/texts.test.ts checks both files fit these shapes):
 * the app's names, the screens' texts and the pairing screen's.
 */
export async function displayTexts(locale: Locale) {
  const { appName, shortName, pair, ...screen } = (await loadRawNamespace(
    locale,
    'display',
  )) as DisplayMessages
  return { app: { name: appName, shortName }, screen: screen satisfies DisplayTexts, pair }
}
