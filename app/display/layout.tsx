import type { Metadata, Viewport } from 'next'
import { NextIntlClientProvider } from 'next-intl'
import { getTranslations } from 'next-intl/server'
import { getSettings } from '@/lib/settings/repo'
import { loadMessages } from '@/messages/load'

/*
 * The customer tablet's own frame: no staff shell, no session, one namespace of texts, in the
 * shop's language (the tablet belongs to the shop, not to whoever used the browser before).
 */

async function shopLocale() {
  const settings = await getSettings().catch(() => null)
  return settings?.language ?? 'zh-CN'
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await shopLocale(), namespace: 'display' })
  return {
    title: { absolute: t('appName') },
    manifest: '/display/manifest.webmanifest',
    icons: { icon: '/display-icon-192.png', apple: '/display-icon-192.png' },
    appleWebApp: { capable: true, title: t('shortName'), statusBarStyle: 'black-translucent' },
    robots: { index: false, follow: false },
  }
}

export const viewport: Viewport = {
  themeColor: '#0f172a',
  width: 'device-width',
  initialScale: 1,
  // A customer's double tap must not zoom the counter screen.
  maximumScale: 1,
  userScalable: false,
  viewportFit: 'cover',
}

export default async function DisplayLayout({ children }: { children: React.ReactNode }) {
  const locale = await shopLocale()
  const messages = await loadMessages(locale)
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={{ display: messages.display }}
      timeZone="Asia/Shanghai"
    >
      <div lang={locale} className="fixed inset-0 overflow-hidden bg-slate-900 select-none">
        {children}
      </div>
    </NextIntlClientProvider>
  )
}
