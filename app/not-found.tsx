import { getTranslations } from 'next-intl/server'
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
          {/* A plain link: this page is the root layout's not-found boundary, part of every page's
              first load, and next/link would add its runtime (3 KB) to the customer tablet's. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
          <a href="/" className={`${buttonClass()} mt-6`}>
            {t('home')}
          </a>
        </Card>
      </main>
    </>
  )
}
