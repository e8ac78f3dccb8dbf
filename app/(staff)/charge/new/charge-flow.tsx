'use client'

import { createContext, useContext, useState } from 'react'
import { ChargePreview } from '@/components/charges/charge-preview'
import type { PayWay } from '@/lib/dms/types'

export interface PreviewValues {
  bzOrder: string
  amountFen: number
  payWay: PayWay
}

const ShowPreview = createContext<(v: PreviewValues | null) => void>(() => {})

/** The form shows the charge it is creating through this (see ChargePreview). */
export const useShowPreview = () => useContext(ShowPreview)

/**
 * Wraps the new-charge page: while the form submits, the page gives way to the charge's preview.
 * The page stays mounted (hidden), so the form's pending action and what was typed survive a
 * refusal, which brings the form back with its message.
 */
export function ChargePreviewSlot({ children }: { children: React.ReactNode }) {
  const [preview, setPreview] = useState<PreviewValues | null>(null)
  return (
    <ShowPreview value={setPreview}>
      <div className={preview ? 'hidden' : undefined}>{children}</div>
      {preview ? <ChargePreview {...preview} /> : null}
    </ShowPreview>
  )
}
