import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { can } from '@/lib/auth/permissions'
import { requirePageUser } from '@/lib/auth/session'
import { ATTENTION_LIMIT, loadAttention } from '@/lib/charges/queries/attention'
import { AttentionList } from './attention-list'
import { RecheckAllButton } from './attention-buttons'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('manager.attention'))('title') }
}

/** Charges a manager must look at: unknown, stuck open, paid after cancel, or failing to reconcile. */
export default async function AttentionPage() {
  const user = await requirePageUser('charges:review')
  const [{ rows, count }, t] = await Promise.all([
    loadAttention(),
    getTranslations('manager.attention'),
  ])
  const canRecheck = can(user.role, 'charges:recheck')
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t('heading')}</h1>
          {/* Chinese breaks only after its punctuation (keep-all): 必要 broke as 必|要. */}
          <p className="mt-1 max-w-2xl break-keep text-gray-600">{t('intro')}</p>
          <p
            className="mt-2 text-sm text-gray-600 tabular"
            data-testid="attention-count"
            data-count={count}
          >
            {t('count', { count })}
            {count > ATTENTION_LIMIT ? ` ${t('limited', { limit: ATTENTION_LIMIT })}` : ''}
          </p>
        </div>
        {canRecheck && rows.length > 0 ? <RecheckAllButton /> : null}
      </div>
      <AttentionList rows={rows} canRecheck={canRecheck} />
    </div>
  )
}
