import 'server-only'
import { getSettings } from '@/lib/settings'
import { settingsForPolls } from '@/lib/settings/cached'
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales'

/**
 * A person's own choice (the locale cookie) wins; otherwise the shop's language; zh-CN by default.
 * Polls take the shop's language from the settings polls share (lib/settings/cached.ts).
 */
export async function resolveLocale(
  chosen: string | undefined,
  opts: { forPoll?: boolean } = {},
): Promise<Locale> {
  if (isLocale(chosen)) return chosen
  const shop = await (opts.forPoll ? settingsForPolls() : getSettings()).catch(() => null)
  return shop && isLocale(shop.language) ? shop.language : DEFAULT_LOCALE
}
