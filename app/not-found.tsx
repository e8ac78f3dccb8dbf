import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { SandboxRibbon } from '@/components/layout/sandbox-ribbon'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { sandboxMode } from '@/lib/env'

export default async function NotFound() {
  const [t, tCommon] = await Promise.all([getTranslations('notFound'), getTranslations('common')])
  return (
    <>
      {sandboxMode() ? <SandboxRibbon text={tCommon('sandboxRibbon')} /> : null}
      <main className="flex min-h-screen items-center justify-center px-4">
        <Card pad="lg" className="max-w-md text-center">
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="mt-3 text-gray-600">{t('body')}</p>
          <Link href="/" className={`${buttonClass()} mt-6`}>
            {t('home')}
          </Link>
        </Card>
      </main>
    </>
  )
}
