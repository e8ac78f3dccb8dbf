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
      {/* The ribbon and the page fill the screen together (the page grows into what the ribbon
          leaves): a full-height page under the ribbon scrolled by the ribbon's height. */}
      <div className="flex min-h-screen flex-col">
        {sandboxMode() ? <SandboxRibbon text={t('sandboxRibbon')} /> : null}
        {children}
      </div>
    </ClientMessages>
  )
}
