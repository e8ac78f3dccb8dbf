'use client'

import { useLiveView } from '@/components/live/use-live-view'
import type { AttentionView } from '@/lib/polling/attention'

async function fetchCount(url: string): Promise<AttentionView> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return (await res.json()) as AttentionView
}

/**
 * The nav's count of charges that need a manager, kept current by the feed (use-live-view.ts): a
 * charge that turns unknown shows on every manager's screen without a reload.
 */
export function AttentionCount({ initial }: { initial: number }) {
  const { data } = useLiveView<AttentionView>({
    url: '/api/attention',
    fetcher: fetchCount,
    enabled: true,
    swr: { fallbackData: { count: initial }, revalidateOnMount: false, revalidateOnFocus: true },
  })
  const count = data?.count ?? initial
  if (count <= 0) return null
  return (
    <span
      data-testid="nav-attention-count"
      className="ml-1.5 rounded-full bg-amber-400 px-1.5 py-0.5 text-xs font-bold text-amber-950 tabular"
    >
      {count}
    </span>
  )
}
