import { getTranslations } from 'next-intl/server'
import { ClientMessages } from '@/i18n/client-messages'
import { SandboxRibbon } from '@/components/layout/sandbox-ribbon'
import { sandboxMode } from '@/lib/env'

// The i18n provider sits here and in the staff layout, not in the root layout, so that the customer
// tablet (/display) ships no i18n library to the browser.
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('common')
  return (
    <ClientMessages scope="auth">
      {sandboxMode() ? <SandboxRibbon text={t('sandboxRibbon')} /> : null}
      {children}
    </ClientMessages>
  )
}
