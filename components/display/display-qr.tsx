'use client'

import { lazy, memo, Suspense } from 'react'

/*
 * qrcode.react (about 6 KB gzip) is not in the tablet's first load: an idle tablet, which it is
 * most of the day, has no QR to draw. A tablet that opens on a charge has the QR in the server's
 * HTML all the same (the Suspense boundary keeps it while the library arrives); the screen asks
 * for the library as soon as it is up (preloadDisplayQr), long before a charge is pushed to it,
 * and once it is here the QR renders directly: a lazy component would suspend for a moment on
 * every new QR, and React can hold a revealed boundary back for up to 300 ms.
 */
type QrSvg = typeof import('qrcode.react').QRCodeSVG
let loaded: QrSvg | null = null
const loadQr = () => import('qrcode.react').then((m) => (loaded = m.QRCodeSVG))
const LazyQr = lazy(() => loadQr().then((component) => ({ default: component })))

export function preloadDisplayQr(): void {
  void loadQr()
}

/**
 * The payment QR as large as the screen allows: it fills its box (sized by the parent in vmin), with
 * its own white quiet zone. The content is DMS's payInfo verbatim. Memoised: the countdown beside
 * it ticks four times a second. The frame clips the QR's square white ground to its rounded
 * corners: unclipped, that square painted over the ring's corners, and the frame looked cut there.
 */
export const DisplayQr = memo(function DisplayQr({ value }: { value: string }) {
  const Qr = loaded ?? LazyQr
  return (
    <div
      data-testid="display-qr"
      data-qr-value={value}
      className="h-full w-full overflow-hidden rounded-[2vmin] bg-white shadow-sm ring-1 ring-gray-200"
    >
      <Suspense fallback={null}>
        <Qr
          value={value}
          size={512}
          level="M"
          marginSize={3}
          title="QR"
          className="block h-full w-full"
        />
      </Suspense>
    </div>
  )
})
