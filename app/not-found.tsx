import { getTranslations } from 'next-intl/server'
import { NotFoundCard } from '@/components/layout/not-found-card'
import { SandboxRibbon } from '@/components/layout/sandbox-ribbon'
import { sandboxMode } from '@/lib/env'

/** An address nobody serves: a page of its own, outside the staff shell (no one may be signed in). */
export default async function NotFound() {
  const tCommon = await getTranslations('common')
  return (
    <>
      {sandboxMode() ? <SandboxRibbon text={tCommon('sandboxRibbon')} /> : null}
      <main className="flex min-h-screen items-center justify-center px-4">
        <NotFoundCard />
      </main>
    </>
  )
}
