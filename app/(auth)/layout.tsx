import { NextIntlClientProvider } from 'next-intl'
import { getTranslations } from 'next-intl/server'
import { SandboxRibbon } from '@/components/layout/sandbox-ribbon'
import { sandboxMode } from '@/lib/env'

// The i18n provider sits here and in the staff layout, not in the root layout, so that the customer
// tablet (/display) ships no i18n library to the browser.
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('common')
  return (
    <NextIntlClientProvider>
      {sandboxMode() ? <SandboxRibbon text={t('sandboxRibbon')} /> : null}
      {children}
    </NextIntlClientProvider>
  )
}
