'use client'

import { useCallback, useDeferredValue, useLayoutEffect, useState } from 'react'
import { isOpen } from '@/lib/charges/status'
import type { ChargeView } from '@/lib/charges/view'
import { useDisplayStatus } from '@/components/display/use-display-status'
import { screenEscape } from './cancel-charge-button'
import { ChargeScreenBody } from './charge-screen-body'
import type { ChargeScreenActions } from './screen-actions'
import { CustomerLinePart } from './screen-parts'
import { useServerOffset } from './server-offset'
import { useCharge } from './use-charge'

/**
 * The charge screen's live part: the charge as the server pushes it (use-charge.ts) and, while it
 * is open, whether the station's customer screen is connected. What it holds is drawn by
 * charge-screen-body.tsx.
 */
export function ChargeScreen({
  initial,
  speakByDefault,
  autoPrint,
  actions,
  drawQrFirst = false,
}: {
  initial: ChargeView
  speakByDefault: boolean
  /** The station prints a paid charge's receipt by itself. */
  autoPrint: boolean
  actions: ChargeScreenActions
  /**
   * Shown from the create's answer while the customer waits: the first draw is the QR and the
   * charge's card alone, and what the cashier does next follows in the next frames. Drawing it
   * all before the QR cost the QR ~15 ms (issue 14). A page opened by its address draws it all.
   */
  drawQrFirst?: boolean
}) {
  const { data, mutate, connection } = useCharge(initial)
  // What the screen was given wins over an older view cached from an earlier visit of the charge
  // (a resumed charge's create answers with its latest view).
  const charge = data && data.version >= initial.version ? data : initial
  const onChange = useCallback((v: ChargeView) => void mutate(v, { revalidate: false }), [mutate])
  // Only a payment this screen saw arrive prints by itself: opening an old paid charge does not.
  const [sawOpen] = useState(() => isOpen(initial.status))
  // Taken once: the countdown ticks in its own line, not by re-drawing this whole screen.
  const offset = useServerOffset(initial.serverNow)
  const complete = useDeferredValue(true, !drawQrFirst)
  // Esc opens the cancel's confirm from the first frame, though the button comes a render later
  // (later still on a busy machine): an Esc before it is kept here and handed to the button, which
  // opens with its confirm; it never cancels by itself. Listening from the first commit, before
  // its paint, and until the commit that draws the button, which listens from then on.
  const [escaped, setEscaped] = useState(false)
  useLayoutEffect(() => {
    if (complete) return
    const onKey = (e: KeyboardEvent) => {
      if (!screenEscape(e)) return
      e.preventDefault()
      setEscaped(true)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [complete])
  return (
    <ChargeScreenBody
      charge={charge}
      connection={connection}
      offset={offset}
      customerScreen={<CustomerScreen stationId={charge.stationId} />}
      speakByDefault={speakByDefault}
      autoPrint={autoPrint && sawOpen}
      actions={actions}
      onChange={onChange}
      complete={complete}
      cancelAsked={escaped}
    />
  )
}

/**
 * Subscribed only while it is drawn (an open charge): nothing to watch once the charge has ended.
 * Its row is held from the screen's first frame: the status comes a moment after
 * the screen (it is fetched), and a line arriving then pushed the switch and 取消收款 down under the
 * cashier's finger (a click meant for 取消收款 landed on the empty space above it).
 */
function CustomerScreen({ stationId }: { stationId: string }) {
  const { data } = useDisplayStatus(stationId)
  return (
    <div className="min-h-7" data-testid="customer-screen-row">
      {data ? (
        <CustomerLinePart
          live={data.live}
          offlineForSec={data.offlineForSec}
          tablets={data.tablets}
        />
      ) : null}
    </div>
  )
}
