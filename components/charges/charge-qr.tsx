'use client'

import { QRCodeSVG } from 'qrcode.react'

/**
 * The QR exactly as DMS gave it: payInfo is rendered verbatim, never rewritten or fetched. It fills
 * the width it is given (the parent caps it), so it shrinks on a phone instead of widening the page.
 */
export function ChargeQr({
  value,
  testId,
  size,
}: {
  value: string
  testId: string
  size?: number
}) {
  return (
    <div
      data-testid={testId}
      data-qr-value={value}
      className="w-full rounded-2xl bg-white p-2"
      style={size ? { maxWidth: size } : undefined}
    >
      <QRCodeSVG
        value={value}
        size={360}
        level="M"
        marginSize={2}
        title="QR"
        style={{ width: '100%', height: 'auto', display: 'block' }}
      />
    </div>
  )
}
