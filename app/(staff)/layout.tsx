import { getTranslations } from 'next-intl/server'
import { ClientMessages } from '@/i18n/client-messages'
import { SandboxRibbon } from '@/components/layout/sandbox-ribbon'
import { StaffShell } from '@/components/layout/staff-shell'
import { requirePageUser } from '@/lib/auth/session'
import { sandboxMode } from '@/lib/env'
import { getSettings } from '@/lib/settings'
import { signOutAction } from '../actions'
import { LanguageSwitch } from '../language-switch'

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const [user, settings, t] = await Promise.all([
    requirePageUser(),
    getSettings(),
    getTranslations('common'),
  ])
  return (
    <ClientMessages scope="staff">
      {sandboxMode() ? <SandboxRibbon text={t('sandboxRibbon')} /> : null}
      <StaffShell
        user={user}
        shopName={settings.shopName}
        signOut={signOutAction}
        languageSwitch={<LanguageSwitch tone="dark" />}
      >
        {children}
      </StaffShell>
    </ClientMessages>
  )
}
