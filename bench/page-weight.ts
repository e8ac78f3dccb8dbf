/*
 * Page weight, on the production build: each route's first-load JS (gzip, every script its HTML
 * references; support/first-load-js.ts) as KB over the floor, the same measure of a bare Next page
 * with one small client component built beside the app (support/bare-next.ts), each with its target.
 * Then the client build (.next/static) is searched for strings only the DMS sandbox holds: the
 * sandbox is server-side and must never reach a browser. Exits 1 on a missed target or a leak.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sandboxControl } from '@/sandbox/control-client'
import { launchBrowser, signedInContext, submitCharge } from './support/browser'
import { startBareNext } from './support/bare-next'
import { firstLoadJs } from './support/first-load-js'
import { startAppServer } from '@/tests/support/app-server'
import { fmt, verdict } from './support/stats'
import { pairedTabletAt, stationIdByName } from '@/tests/support/tablet'

/** Strings in sandbox/ and nowhere else in app/, components/ or lib/. */
const SANDBOX_ONLY = ['no notify URL is configured', 'body must be a JSON object', '__control/']

interface Route {
  name: string
  path: string
  cookie: string
  /** In the HTML only when the page rendered what it is measured for. */
  hook: string
  overFloorKb: number
}

const kb = (bytes: number) => bytes / 1024

function sandboxLeaks(distDir = '.next'): { files: number; found: string[] } {
  const dir = join(distDir, 'static')
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(js|css|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
  const found = files.flatMap((file) => {
    const text = readFileSync(file, 'latin1')
    return SANDBOX_ONLY.filter((s) => text.includes(s)).map((s) => `${file}: "${s}"`)
  })
  return { files: files.length, found }
}

export async function run(): Promise<void> {
  const bare = await startBareNext()
  const server = await startAppServer({ name: 'bench-page-weight' })
  const browser = await launchBrowser()
  let missed = 0
  try {
    const floor = await firstLoadJs(bare.baseUrl, '/')
    console.log(
      `floor (bare Next page, one client component): ${floor.files.size} files, ${fmt(kb(floor.gzipBytes), 1)} KB gzip; not counted on either side: noModule polyfills ${fmt(kb(floor.noModuleGzipBytes), 1)} KB`,
    )
    await sandboxControl(server.sandboxUrl).settings({ payerDailyLimit: 1_000_000 })
    const cashier = await signedInContext(browser, server.baseUrl, 'cashier')
    const manager = await signedInContext(browser, server.baseUrl, 'manager')
    const cookieOf = async (c: typeof cashier) =>
      (await c.cookies()).map((k) => `${k.name}=${k.value}`).join('; ')
    const managerPage = await manager.newPage()
    const { device } = await pairedTabletAt(
      browser,
      managerPage,
      await stationIdByName(managerPage, '前台 1'),
      { baseUrl: server.baseUrl },
    )
    const charge = await submitCharge(await cashier.newPage(), `WEIGHT-${Date.now().toString(36)}`)
    if (!charge.ok) throw new Error(`no charge to weigh: ${charge.reason}`)

    const routes: Route[] = [
      {
        name: 'pairing screen',
        path: '/display',
        cookie: '',
        hook: 'pair-screen',
        overFloorKb: 12,
      },
      {
        name: '/display',
        path: '/display',
        cookie: device,
        hook: 'display-status',
        overFloorKb: 12,
      },
      {
        name: 'charge form',
        path: '/charge/new',
        cookie: await cookieOf(cashier),
        hook: 'charge-submit',
        overFloorKb: 20,
      },
      {
        name: 'charge screen',
        path: `/charge/${charge.id}`,
        cookie: await cookieOf(cashier),
        hook: 'charge-status',
        overFloorKb: 20,
      },
      {
        name: '/charges',
        path: '/charges',
        cookie: await cookieOf(manager),
        hook: 'charge-row',
        overFloorKb: 40,
      },
    ]
    console.log('first-load JS, gzip, over the floor:')
    for (const r of routes) {
      const js = await firstLoadJs(server.baseUrl, r.path, { cookie: r.cookie })
      if (!js.html.includes(`data-testid="${r.hook}"`))
        throw new Error(`${r.path} did not render [data-testid=${r.hook}]`)
      const own = [...js.files].filter(([f]) => !floor.files.has(f))
      const over = kb(js.gzipBytes - floor.gzipBytes)
      if (over > r.overFloorKb) missed++
      console.log(
        `  ${r.name.padEnd(14)} ${fmt(kb(js.gzipBytes), 1)} KB = floor + ${fmt(over, 1)} KB (target ≤ floor + ${r.overFloorKb} KB, ${Math.round(r.overFloorKb * 1024 - (js.gzipBytes - floor.gzipBytes))} bytes to spare): ${verdict(over <= r.overFloorKb)}; ${js.files.size} files, largest: ${own
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([f, b]) => `${f.split('/').pop()} ${fmt(kb(b), 1)}`)
          .join(', ')}`,
      )
      // PAGE_WEIGHT_FILES=1: every file of the route beyond the floor's, to find what weighs.
      if (process.env.PAGE_WEIGHT_FILES)
        for (const [f, b] of own) console.log(`      ${fmt(kb(b), 1).padStart(6)} KB  ${f}`)
      if (process.env.PAGE_WEIGHT_FILES)
        console.log(`      inline (RSC payload) ${fmt(kb(js.inlineGzipBytes), 1)} KB gzip`)
    }
    const scan = sandboxLeaks()
    console.log(
      `sandbox in the client build: ${scan.found.length ? scan.found.join('; ') : 'none'} (${scan.files} files of .next/static searched for ${SANDBOX_ONLY.length} sandbox-only strings): ${verdict(scan.found.length === 0 && scan.files > 0)}`,
    )
    if (scan.found.length || scan.files === 0) missed++
  } finally {
    await browser.close()
    await server.stop({ removeData: true })
    bare.stop()
  }
  if (missed) process.exitCode = 1
}
