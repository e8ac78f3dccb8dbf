'use client'

import { deferred } from '@/components/ui/deferred'
import { AttentionBadge } from './attention-badge'

/*
 * The live count's code (SWR and the feed's hook, ~6.5 KB gzip) is not in the staff pages' first
 * load (issue 14): the layout's client modules are in every staff page's scripts whoever is signed
 * in, and only managers see the count. Server rendering draws the count; its subscription starts
 * once the chunk is in, which a manager's page fetches right after it hydrates.
 */
const live = deferred(() => import('./attention-count-live').then((m) => m.AttentionCountLive))

export function AttentionCount({ initial }: { initial: number }) {
  return <live.Part initial={initial} fallback={<AttentionBadge count={initial} />} />
}
