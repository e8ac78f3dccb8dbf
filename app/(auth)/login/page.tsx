import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { redirect } from 'next/navigation'
import { Card } from '@/components/ui/card'
import { sameOriginPath } from '@/lib/auth/callback-url'
import { HOME_BY_ROLE } from '@/lib/auth/roles'
import { currentUser } from '@/lib/auth/session'
import { getSettings } from '@/lib/settings'
import { LanguageSwitch } from '../../language-switch'
import { LoginForm } from './login-form'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login')
  return { title: t('title') }
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>
}) {
  const user = await currentUser()
  if (user) redirect(HOME_BY_ROLE[user.role])
  const [{ callbackUrl }, t, shopName] = await Promise.all([
    searchParams,
    getTranslations('login'),
    getSettings().then((s) => s.shopName),
  ])
  return (
    // Top-anchored where a centred block would start (the block is about 34rem tall), not
    // centred: a refusal's lines under the button would re-centre it and move the button up.
    <main className="flex flex-1 justify-center bg-gradient-to-b from-accent-soft to-gray-100 px-4 pt-[max(1.5rem,calc(50vh_-_17rem))] pb-6">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex h-14 w-14 items-center justify-center rounded-2xl bg-accent text-2xl font-bold text-white">
            ¥
          </div>
          <h1 className="text-2xl font-bold">{t('heading')}</h1>
          <p className="mt-1 text-gray-600">{shopName}</p>
        </div>
        <Card pad="lg">
          <LoginForm callbackUrl={sameOriginPath(callbackUrl) ?? undefined} />
        </Card>
        <div className="mt-6 flex justify-center">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  )
}
