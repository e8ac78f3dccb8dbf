import { getTranslations } from 'next-intl/server'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { SandboxRibbon } from '@/components/layout/sandbox-ribbon'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { currentUser } from '@/lib/auth/session'
import { sandboxMode } from '@/lib/env'

export default async function Forbidden() {
  // Only for a signed-in user who lacks a permission; anyone else (an ended session too) signs in.
  if (!(await currentUser())) redirect('/login')
  const [t, tCommon] = await Promise.all([getTranslations('forbidden'), getTranslations('common')])
  // The ribbon and the page fill the screen together: a full-height page under the ribbon scrolled.
  return (
    <div className="flex min-h-screen flex-col">
      {sandboxMode() ? <SandboxRibbon text={tCommon('sandboxRibbon')} /> : null}
      <main className="flex flex-1 items-center justify-center px-4">
        <Card pad="lg" className="max-w-md text-center">
          <h1 className="text-2xl font-bold" data-testid="forbidden">
            {t('title')}
          </h1>
          {/* Chinese breaks only after its punctuation (keep-all): 管理员 broke as 管理|员. */}
          <p className="mt-3 break-keep text-gray-600">{t('body')}</p>
          <Link href="/" className={`${buttonClass()} mt-6`}>
            {t('home')}
          </Link>
        </Card>
      </main>
    </div>
  )
}
