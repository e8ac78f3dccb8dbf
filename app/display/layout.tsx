import type { Metadata, Viewport } from 'next'
import { getTranslations } from 'next-intl/server'
import { SandboxRibbon } from '@/components/layout/sandbox-ribbon'
import { colors } from '@/lib/design-tokens'
import { sandboxMode } from '@/lib/env'
import { displayTexts, shopLocale } from './texts'

/*
 * The customer tablet's own frame: no staff shell, no session, no i18n library on the client (the
 * page passes its texts as props), in the shop's language.
 */

export async function generateMetadata(): Promise<Metadata> {
  const { app } = await displayTexts(await shopLocale())
  return {
    title: { absolute: app.name },
    manifest: '/display/manifest.webmanifest',
    icons: { icon: '/display-icon-192.png', apple: '/display-icon-192.png' },
    appleWebApp: { capable: true, title: app.shortName, statusBarStyle: 'black-translucent' },
    robots: { index: false, follow: false },
  }
}

export const viewport: Viewport = {
  themeColor: colors.tablet,
  width: 'device-width',
  initialScale: 1,
  // A customer's double tap must not zoom the counter screen.
  maximumScale: 1,
  userScalable: false,
  viewportFit: 'cover',
}

export default async function DisplayLayout({ children }: { children: React.ReactNode }) {
  const locale = await shopLocale()
  // The customer too must see that this is a demo: nothing scanned here is really paid.
  const ribbon = sandboxMode()
    ? (await getTranslations({ locale, namespace: 'common' }))('sandboxRibbon')
    : null
  // break-words here, inherited, not on the screens: a bill number too long for its line breaks
  // without its class adding bytes to the tablet's client code, which is at its weight limit.
  return (
    <div lang={locale} className="fixed inset-0 overflow-hidden bg-tablet break-words select-none">
      {ribbon ? <SandboxRibbon text={ribbon} overlay /> : null}
      {children}
    </div>
  )
}
