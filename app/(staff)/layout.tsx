import { NextIntlClientProvider } from 'next-intl'
import { StaffShell } from '@/components/layout/staff-shell'
import { requirePageUser } from '@/lib/auth/session'
import { getSettings } from '@/lib/settings'

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const [user, settings] = await Promise.all([requirePageUser(), getSettings()])
  return (
    <NextIntlClientProvider>
      <StaffShell user={user} shopName={settings.shopName}>
        {children}
      </StaffShell>
    </NextIntlClientProvider>
  )
}
