import { connection } from 'next/server'
import { colors } from '@/lib/design-tokens'
import { displayTexts, shopLocale } from '../texts'

/**
 * The customer screen's own web app manifest (the staff app is not meant to be installed): opens
 * full screen on /display, named in the shop's language.
 */
export async function GET() {
  await connection()
  const locale = await shopLocale()
  const { app } = await displayTexts(locale)
  const manifest = {
    id: '/display',
    name: app.name,
    short_name: app.shortName,
    lang: locale,
    start_url: '/display',
    // The whole origin: pairing goes through /pair and /api/display and must stay inside the app.
    scope: '/',
    display: 'fullscreen',
    orientation: 'any',
    background_color: colors.tablet,
    theme_color: colors.tablet,
    icons: [
      { src: '/display-icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/display-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/display-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  }
  return new Response(JSON.stringify(manifest), {
    headers: { 'content-type': 'application/manifest+json', 'cache-control': 'no-cache' },
  })
}
