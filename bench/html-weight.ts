/*
 * HTML weight, on the production build: each staff route's HTML document as a signed-in user gets
 * it, raw and gzip, beside a bare Next page's (support/bare-next.ts), in both languages; and how
 * much of it is next-intl's messages handed to client components (NextIntlClientProvider's
 * `messages`, serialised into React's inline payload; messages/client-namespaces.ts). The messages'
 * share is their text gzip-compressed alone, as the HTML escapes it: an estimate (inside the page
 * they compress against the rest). Figures only, no target.
 */
import { gzipSync } from 'node:zlib'
import { sandboxControl } from '@/sandbox/control-client'
import { startAppServer } from '@/tests/support/app-server'
import { launchBrowser, signedInContext, submitCharge } from './support/browser'
import { startBareNext } from './support/bare-next'
import { fmt } from './support/stats'

const FLIGHT_PUSH = /self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g
const kb = (bytes: number) => fmt(bytes / 1024, 1)
const gzip = (text: string) => gzipSync(Buffer.from(text)).byteLength

/** The JSON object that starts at `from` (a `{`), strings and escapes respected. */
function objectAt(text: string, from: number): string {
  let depth = 0
  let inString = false
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return text.slice(from, i + 1)
  }
  throw new Error('unbalanced messages object')
}

/** Every provider's `messages` in the page's inline React payload. */
function messagesIn(html: string): { gzipBytes: number; namespaces: string[] } {
  const flight = [...html.matchAll(FLIGHT_PUSH)].map((m) => JSON.parse(m[1]!) as string).join('')
  let gzipBytes = 0
  const namespaces = new Set<string>()
  for (const m of flight.matchAll(/"messages":\{/g)) {
    const object = objectAt(flight, m.index + '"messages":'.length)
    // As the HTML carries it: inside a JS string literal.
    gzipBytes += gzip(JSON.stringify(object))
    for (const key of Object.keys(JSON.parse(object) as object)) namespaces.add(key)
  }
  return { gzipBytes, namespaces: [...namespaces] }
}

async function html(baseUrl: string, path: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } })
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`)
  return res.text()
}

export async function run(): Promise<void> {
  const bare = await startBareNext()
  const server = await startAppServer({ name: 'bench-html-weight' })
  const browser = await launchBrowser()
  try {
    const floor = await html(bare.baseUrl, '/', '')
    console.log(
      `floor (bare Next page): HTML ${kb(Buffer.byteLength(floor))} KB, ${kb(gzip(floor))} KB gzip`,
    )
    await sandboxControl(server.sandboxUrl).settings({ payerDailyLimit: 1_000_000 })
    const cashier = await signedInContext(browser, server.baseUrl, 'cashier')
    const manager = await signedInContext(browser, server.baseUrl, 'manager')
    const cookieOf = async (c: typeof cashier) =>
      (await c.cookies()).map((k) => `${k.name}=${k.value}`).join('; ')
    const charge = await submitCharge(await cashier.newPage(), `HTML-${Date.now().toString(36)}`)
    if (!charge.ok) throw new Error(`no charge to weigh: ${charge.reason}`)
    const routes = [
      { name: 'charge form', path: '/charge/new', cookie: await cookieOf(cashier) },
      { name: 'charge screen', path: `/charge/${charge.id}`, cookie: await cookieOf(cashier) },
      { name: 'today', path: '/charge/today', cookie: await cookieOf(cashier) },
      { name: '/charges', path: '/charges', cookie: await cookieOf(manager) },
      { name: 'review', path: `/charges/${charge.id}`, cookie: await cookieOf(manager) },
      { name: 'handover', path: '/handover', cookie: await cookieOf(cashier) },
      { name: 'login', path: '/login', cookie: '' },
    ]
    for (const locale of ['zh-CN', 'en']) {
      console.log(`HTML, ${locale}: raw, gzip, over the floor's gzip; messages in it (gzip alone)`)
      for (const r of routes) {
        const page = await html(server.baseUrl, r.path, `${r.cookie}; NEXT_LOCALE=${locale}`)
        const messages = messagesIn(page)
        console.log(
          `  ${r.name.padEnd(14)} ${kb(Buffer.byteLength(page)).padStart(6)} KB, ${kb(gzip(page)).padStart(5)} KB gzip = floor + ${kb(gzip(page) - gzip(floor))}; messages ${kb(messages.gzipBytes)} KB gzip (${messages.namespaces.join(', ')})`,
        )
      }
    }
  } finally {
    await browser.close()
    await server.stop({ removeData: true })
    bare.stop()
  }
}
