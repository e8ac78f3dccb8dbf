'use client'

import { memo } from 'react'
import { QRCodeSVG } from 'qrcode.react'

/**
 * The payment QR as large as the screen allows: it fills its box (sized by the parent in vmin), with
 * its own white quiet zone. The content is DMS's payInfo verbatim. Memoised: the countdown beside
 * it ticks four times a second.
 */
export const DisplayQr = memo(function DisplayQr({ value }: { value: string }) {
  return (
    <div
      data-testid="display-qr"
      data-qr-value={value}
      className="h-full w-full rounded-[2vmin] bg-white shadow-sm ring-1 ring-gray-200"
    >
      <QRCodeSVG
        value={value}
        size={512}
        level="M"
        marginSize={3}
        title="QR"
        className="block h-full w-full"
      />
    </div>
  )
})
