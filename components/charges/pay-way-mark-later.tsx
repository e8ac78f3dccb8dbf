'use client'

import type { PayWay } from '@/lib/dms/types'
import { deferred } from '@/components/ui/deferred'

const mark = deferred(() => import('./pay-way-mark').then((m) => m.PayWayMark))

/** Fetches the mark's code (the charge screen's parts preload it with theirs). */
export const preloadMark = mark.preload

/**
 * The pay way's mark (pay-way-mark.tsx) out of a page's first load: the server draws it, and its
 * square is kept until its code is in.
 */
export function MarkPart({ payWay, size = 28 }: { payWay: PayWay; size?: number }) {
  return (
    <mark.Part
      payWay={payWay}
      size={size}
      fallback={<span className="inline-block shrink-0" style={{ width: size, height: size }} />}
    />
  )
}
