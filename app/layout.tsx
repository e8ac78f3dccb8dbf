import type { Metadata, Viewport } from 'next'
import { getLocale } from 'next-intl/server'
import { colors } from '@/lib/design-tokens'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'DMS 收银台', template: '%s · DMS 收银台' },
  description: 'Front-desk cashier for DMS partner shops',
  referrer: 'no-referrer',
}

export const viewport: Viewport = { themeColor: colors.accent.DEFAULT }

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale()
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  )
}
