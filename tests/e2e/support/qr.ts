import type { Locator } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

/** Reads the QR code shown in an element the way a phone would: from its pixels. */
export async function decodeQr(element: Locator): Promise<string | null> {
  const png = PNG.sync.read(await element.screenshot())
  const result = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  return result?.data ?? null
}
