'use client'

import { createContext, useContext, useLayoutEffect, useRef, useState } from 'react'
import { usePathname } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useSWRConfig } from 'swr'
import { ChargePreview } from '@/components/charges/charge-preview'
import { chargeUrl } from '@/components/charges/use-charge'
import type { PayWay } from '@/lib/dms/types'
import { ChargeScreenView } from '../[id]/charge-screen-view'
import type { CreatedCharge } from './actions'

export interface PreviewValues {
  bzOrder: string
  amountFen: number
  payWay: PayWay
}

interface Flow {
  /** The charge being created, shown at once on submit; null: the form again (a refusal). */
  showPreview: (v: PreviewValues | null) => void
  /** The create's answer: the charge screen, from it alone. */
  showCharge: (created: CreatedCharge) => void
}

const FlowContext = createContext<Flow>({ showPreview: () => {}, showCharge: () => {} })

/** The form reaches the page's flow through this. */
export const useChargeFlow = () => useContext(FlowContext)

type Shown = CreatedCharge & {
  /** The address has been /charge/<id>: from then on the screen shows only while it still is. */
  arrived: boolean
}

/**
 * The new-charge page from click to QR in one request. On submit the page gives way to the
 * charge's preview; the action's answer is the charge's view, and the charge screen is shown from
 * it right here — no redirect, no second server render, no GET of what was just given (the view
 * seeds SWR's cache under the screen's own key). The address becomes /charge/<id> through
 * history.pushState, which Next's router takes in (usePathname follows it); a reload or a shared
 * link of that address renders the same screen from its own page. The page under it is unmounted
 * meanwhile (its today list's stream too): Back returns to /charge/new and mounts it anew, an empty
 * form. During the preview the page stays mounted (hidden), so a refusal brings the form back with
 * what was typed.
 */
export function ChargeFlow({ children }: { children: React.ReactNode }) {
  const t = useTranslations('charge')
  const pathname = usePathname()
  const { mutate } = useSWRConfig()
  const [preview, setPreview] = useState<PreviewValues | null>(null)
  const [shown, setShown] = useState<Shown | null>(null)
  const [flow] = useState<Flow>(() => ({
    showPreview: setPreview,
    showCharge(created) {
      void mutate(chargeUrl(created.charge.id), created.charge, { revalidate: false })
      setShown({ ...created, arrived: false })
      setPreview(null)
    },
  }))

  const id = shown?.charge.id
  const here = id !== undefined && pathname === `/charge/${id}`
  if (shown && here && !shown.arrived) setShown({ ...shown, arrived: true })
  const onCharge = shown !== null && (here || !shown.arrived)

  // Before paint: the address and the title are the charge's as soon as its screen is shown, and
  // the page's title comes back with the form.
  const pageTitle = useRef<string | null>(null)
  useLayoutEffect(() => {
    if (!onCharge || !shown) {
      if (pageTitle.current !== null) document.title = pageTitle.current
      pageTitle.current = null
      return
    }
    pageTitle.current ??= document.title
    const at = pageTitle.current.indexOf(' · ')
    const suffix = at >= 0 ? pageTitle.current.slice(at) : ''
    document.title = `${t('title', { bill: shown.charge.bzOrder })}${suffix}`
    if (!shown.arrived) window.history.pushState(null, '', `/charge/${shown.charge.id}`)
  }, [onCharge, shown, t])

  return (
    <FlowContext value={flow}>
      {onCharge ? (
        <ChargeScreenView
          key={shown.charge.id}
          initial={shown.charge}
          speakByDefault={shown.speakByDefault}
          autoPrint={shown.autoPrint}
        />
      ) : (
        <>
          {preview ? <ChargePreview {...preview} /> : null}
          {/* Hidden, not gone, during the preview: a refusal brings the form back as typed. */}
          <div className={preview ? 'hidden' : undefined}>{children}</div>
        </>
      )}
    </FlowContext>
  )
}
