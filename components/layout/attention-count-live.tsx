'use client'

import { useLiveView } from '@/components/live/use-live-view'
import type { AttentionView } from '@/lib/polling/attention'
import { AttentionBadge } from './attention-badge'

async function fetchCount(url: string): Promise<AttentionView> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return (await res.json()) as AttentionView
}

/**
 * The nav's count of charges that need a manager, kept current by the feed (use-live-view.ts): a
 * charge that turns unknown shows on every manager's screen without a reload.
 */
export function AttentionCountLive({ initial }: { initial: number }) {
  const { data } = useLiveView<AttentionView>({
    url: '/api/attention',
    fetcher: fetchCount,
    enabled: true,
    swr: { fallbackData: { count: initial }, revalidateOnMount: false, revalidateOnFocus: true },
  })
  return <AttentionBadge count={data?.count ?? initial} />
}
