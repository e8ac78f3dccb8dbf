import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { currentUser } from '@/lib/auth/session'
import { SandboxRibbon } from '@/components/layout/sandbox-ribbon'
import { sandboxMode } from '@/lib/env'

export default async function Forbidden() {
  // Only for a signed-in user who lacks a permission; anyone else (an ended session too) signs in.
  if (!(await currentUser())) redirect('/login')
  const [t, tCommon] = await Promise.all([getTranslations('forbidden'), getTranslations('common')])
  return (
    <>
      {sandboxMode() ? <SandboxRibbon text={tCommon('sandboxRibbon')} /> : null}
      <main className="flex min-h-screen items-center justify-center px-4">
        <div className="max-w-md rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-gray-200">
          <h1 className="text-2xl font-bold" data-testid="forbidden">
            {t('title')}
          </h1>
          <p className="mt-3 text-gray-600">{t('body')}</p>
          <Link href="/" className="mt-6 inline-block rounded-lg bg-accent px-5 py-2.5 text-white">
            {t('home')}
          </Link>
        </div>
      </main>
    </>
  )
}
