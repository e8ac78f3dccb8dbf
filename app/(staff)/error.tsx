'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { startTransition } from 'react'
import { buttonClass } from '@/components/ui/button'
import { Card } from '@/components/ui/card'

/*
 * What a staff screen shows when a step fails on the way (the network dropped an action's answer,
 * or an answer could not be read), under the staff shell. Without it Next drew its own English
 * "This page couldn't load" over the whole window. Retry asks the server for the page again and
 * then redraws it, so it shows what was recorded, not the state before the failure.
 */
export default function StaffError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('common.pageError')
  const router = useRouter()
  return (
    <div className="flex justify-center py-10 sm:py-16" data-testid="staff-error">
      <Card pad="lg" className="max-w-md text-center" role="alert">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {/* Chinese breaks only after its punctuation (keep-all): 答复 broke as 答|复 at 390 px. */}
        <p className="mt-3 break-keep text-gray-600">{t('body')}</p>
        <button
          type="button"
          className={`${buttonClass()} mt-6`}
          data-testid="staff-error-retry"
          onClick={() =>
            startTransition(() => {
              router.refresh()
              reset()
            })
          }
        >
          {t('retry')}
        </button>
      </Card>
    </div>
  )
}
