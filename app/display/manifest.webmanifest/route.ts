import { connection } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { getSettings } from '@/lib/settings/repo'

/**
 * The customer screen's own web app manifest (the staff app is not meant to be installed): opens
 * full screen on /display, named in the shop's language.
 */
export async function GET() {
  await connection()
  const settings = await getSettings().catch(() => null)
  const locale = settings?.language ?? 'zh-CN'
  const t = await getTranslations({ locale, namespace: 'display' })
  const manifest = {
    id: '/display',
    name: t('appName'),
    short_name: t('shortName'),
    lang: locale,
    start_url: '/display',
    // The whole origin: pairing goes through /pair and /api/display and must stay inside the app.
    scope: '/',
    display: 'fullscreen',
    orientation: 'any',
    background_color: '#0f172a',
    theme_color: '#0f172a',
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
