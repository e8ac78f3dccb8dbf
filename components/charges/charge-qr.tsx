'use client'

import { QRCodeSVG } from 'qrcode.react'

/** The QR exactly as DMS gave it: payInfo is rendered verbatim, never rewritten or fetched. */
export function ChargeQr({ value, size, testId }: { value: string; size: number; testId: string }) {
  return (
    <div data-testid={testId} data-qr-value={value} className="rounded-2xl bg-white p-4">
      <QRCodeSVG value={value} size={size} level="M" marginSize={2} title="QR" />
    </div>
  )
}
