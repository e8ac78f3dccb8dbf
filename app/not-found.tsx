import { getTranslations } from 'next-intl/server'
import { NotFoundCard } from '@/components/layout/not-found-card'
import { SandboxRibbon } from '@/components/layout/sandbox-ribbon'
import { sandboxMode } from '@/lib/env'

/** An address nobody serves: a page of its own, outside the staff shell (no one may be signed in). */
export default async function NotFound() {
  const tCommon = await getTranslations('common')
  // The ribbon and the page fill the screen together: a full-height page under the ribbon scrolled.
  return (
    <div className="flex min-h-screen flex-col">
      {sandboxMode() ? <SandboxRibbon text={tCommon('sandboxRibbon')} /> : null}
      <main className="flex flex-1 items-center justify-center px-4">
        <NotFoundCard />
      </main>
    </div>
  )
}
