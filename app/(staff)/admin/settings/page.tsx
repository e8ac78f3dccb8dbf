import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { AdminHeader } from '@/components/admin/admin-header'
import { buttonClass } from '@/components/ui/button'
import { cardClass } from '@/components/ui/card'
import { requirePageUser } from '@/lib/auth/session'
import { fenToYuanText } from '@/lib/money'
import { getSettings } from '@/lib/settings/repo'
import { SettingsForm } from './settings-form'
import { MAX_AMOUNT_LIMIT_FEN } from './settings-input'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.settings'))('title') }
}

export default async function SettingsPage() {
  await requirePageUser('settings:manage')
  const [settings, t, tAdmin] = await Promise.all([
    getSettings(),
    getTranslations('admin.settings'),
    getTranslations('admin'),
  ])
  const saved = {
    shop_name: settings.shopName,
    language: settings.language,
    cashier_timeout_min: String(Math.round(settings.cashierTimeoutSec / 60)),
    max_amount: fenToYuanText(settings.maxAmountFen),
    speak_paid: settings.speakPaid,
  }
  return (
    <div className="max-w-2xl">
      <AdminHeader title={t('heading')} description={t('intro')}>
        <Link href="/admin/audit" className={buttonClass('secondary')} data-testid="audit-link">
          {tAdmin('auditLink')}
        </Link>
      </AdminHeader>
      <section className={cardClass()}>
        <SettingsForm saved={saved} limitFen={MAX_AMOUNT_LIMIT_FEN} />
      </section>
    </div>
  )
}
