import { networkInterfaces } from 'node:os'
import { ACTION_PROBES } from './support/action-probes'
import { scanClientBuild, stampProblem } from './support/client-build-scan'
import { E2E, storageStateFor } from './support/config'
import { expect, test } from './support/fixtures'
import {
  cookieProblems,
  cspProblems,
  exposed,
  leaks,
  securityHeaderProblems,
  setCookies,
} from './support/exposure'
import { callAction, discoverActions } from './support/server-actions'
import { suiteFigures } from './support/figures'
import { pairTablet } from './support/tablet-tokens'
import { contextFor, IDENTITIES, PROBES, runProbe } from './support/walk'
import { cancelCharges, rolePage } from './support/own-station'
import { buildWorld, type World } from './support/world'
import { waitForHydration } from '@/tests/support/hydration'

/*
 * Nothing secret reaches a browser: not in the built client files, not in any answer of any page,
 * route or action to anyone; every cookie is httpOnly and SameSite, and Secure over HTTPS; and the
 * security headers (lib/server/security-headers.ts) are on every answer, redirects and errors included.
 */

const HTTPS = { 'x-forwarded-proto': 'https' }

test.describe.configure({ mode: 'serial' })
const figure = suiteFigures('secrets and headers')

let world: World
let actionIds = new Map<string, string>()
test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000)
  world = await buildWorld(browser)
  for (const probe of ACTION_PROBES) {
    const ctx = await contextFor(probe.renderAs, world)
    actionIds = new Map([...actionIds, ...(await discoverActions(ctx, probe.page(world)))])
    await ctx.dispose()
  }
})

test.afterAll(async ({ browser }) => {
  if (world) await cancelCharges(browser, [world.openCharge.id])
})

test('the client build, made with these very secrets, contains none of them', async () => {
  // A build made without them would hide a secret inlined at build time under another value.
  // (`npm run test:secrets-scan` shows the scan failing on a secret planted in a client module.)
  expect(stampProblem()).toBeNull()
  const { files, found } = scanClientBuild()
  expect(files).toBeGreaterThan(10)
  expect(found).toEqual([])
  figure(
    `${files} client build and prerendered files, built with the e2e secrets: no DMS token, auth secret or notify secret`,
  )
})

test('no answer of the walk carries a secret, and every one has the security headers', async () => {
  test.setTimeout(180_000)
  const found: string[] = []
  const missing: string[] = []
  const badCookies: string[] = []
  let answers = 0
  for (const who of IDENTITIES) {
    const ctx = await contextFor(who, world)
    for (const probe of PROBES) {
      // Pages also as the flight data a client-side navigation fetches.
      const variants: Record<string, string>[] = probe.kind === 'page' ? [{}, { rsc: '1' }] : [{}]
      for (const headers of variants) {
        const { response, body } = await runProbe(ctx, probe, world, headers)
        const where = `${who} ${probe.name}${'rsc' in headers ? ' (rsc)' : ''}`
        answers += 1
        for (const name of leaks(exposed(response, body))) found.push(`${where}: ${name}`)
        missing.push(...securityHeaderProblems(where, response))
        badCookies.push(...setCookies(response).flatMap((c) => cookieProblems(c, false)))
      }
    }
    await ctx.dispose()
  }
  expect(answers).toBe(
    IDENTITIES.length * (PROBES.length + PROBES.filter((p) => p.kind === 'page').length),
  )
  expect(found).toEqual([])
  expect(missing).toEqual([])
  expect(badCookies).toEqual([])
  figure(
    `${answers} answers to ${IDENTITIES.length} identities (pages also as flight data): no secret, every one with CSP, frame-ancestors, no-referrer, nosniff, DENY; every cookie httpOnly + SameSite`,
  )
})

test('no action answer carries a secret, for the roles allowed and refused alike', async () => {
  test.setTimeout(120_000)
  const found: string[] = []
  for (const who of ['cashier', 'manager', 'admin'] as const) {
    const ctx = await contextFor(who, world)
    for (const probe of ACTION_PROBES) {
      const input = probe.invalid ?? probe.valid
      const id = actionIds.get(probe.name)!
      const call = await callAction(ctx, probe.page(world), id, input(world))
      for (const name of leaks(exposed(call.response, call.body)))
        found.push(`${who} ${probe.name}: ${name}`)
      expect(securityHeaderProblems(probe.name, call.response)).toEqual([])
    }
    await ctx.dispose()
  }
  expect(found).toEqual([])
  figure(`${3 * ACTION_PROBES.length} server action answers to 3 roles: no secret, headers on each`)
})

/** Signs in through the login form's action; returns the Set-Cookie lines of the answer. */
async function signInLines(
  playwright: import('@playwright/test').PlaywrightWorkerArgs['playwright'],
  username: string,
  https: boolean,
) {
  const ctx = await playwright.request.newContext({
    baseURL: E2E.baseUrl,
    extraHTTPHeaders: https ? HTTPS : {},
  })
  const ids = await discoverActions(ctx, '/login')
  const call = await callAction(ctx, '/login', ids.get('login')!, {
    username,
    password: E2E.password,
  })
  await ctx.dispose()
  return setCookies(call.response)
}

const sessionLine = (lines: string[]) =>
  lines.find((c) => /^(__Secure-)?authjs\.session-token=/.test(c))

test('the session cookie is httpOnly and SameSite, and Secure when the request came over HTTPS', async ({
  playwright,
}) => {
  for (const https of [false, true]) {
    const cookies = await signInLines(playwright, 'manager', https)
    const session = sessionLine(cookies)
    expect(session, 'signing in set the session cookie').toBeTruthy()
    expect(session!.startsWith('__Secure-')).toBe(https)
    expect(cookies.flatMap((c) => cookieProblems(c, https))).toEqual([])
    if (!https) expect(session).not.toMatch(/;\s*secure/i)
  }
  figure('session cookie: httpOnly, SameSite=Lax; __Secure- and Secure behind HTTPS, not over HTTP')
})

test('the app’s own cookies (language, station, tablet) are Secure over HTTPS too', async ({
  browser,
  playwright,
}) => {
  // A session made over HTTPS (its cookie is __Secure-…), sent back by hand: the jar would keep a
  // Secure cookie away from this plain-HTTP test server.
  const session = sessionLine(await signInLines(playwright, 'cashier', true))!.split(';')[0]!
  const cashier = await playwright.request.newContext({
    baseURL: E2E.baseUrl,
    extraHTTPHeaders: { ...HTTPS, cookie: session },
  })
  const ids = await discoverActions(cashier, '/charge/new')
  // chooseLocale takes a plain argument: the body is the argument list as JSON.
  const locale = await cashier.post('/charge/new', {
    headers: {
      'next-action': ids.get('chooseLocale')!,
      'content-type': 'text/plain;charset=UTF-8',
    },
    data: JSON.stringify(['zh-CN']),
  })
  const station = await callAction(cashier, '/charge/new', ids.get('createChargeAction')!, {
    bz_order: `SEC-${Date.now().toString(36).toUpperCase()}`,
    amount: '1.00',
    pay_way: 'SCAN_WEIXIN',
    // No such station: the action remembers it, then refuses, so no charge is left open.
    station_id: 'no-such-station',
  })
  await cashier.dispose()

  const manager = await rolePage(browser, 'manager')
  const tablet = await pairTablet(manager, world.stationA, HTTPS)
  await manager.context().close()

  const lines = [...setCookies(locale), ...setCookies(station.response), tablet.setCookie]
  const names = lines.map((l) => l.split('=')[0])
  expect(names).toEqual(
    expect.arrayContaining(['NEXT_LOCALE', 'cashier_station', 'cashier_display']),
  )
  expect(lines.flatMap((l) => cookieProblems(l, true))).toEqual([])
  figure(
    `${lines.length} cookies set (${[...new Set(names)].join(', ')}) over HTTPS: httpOnly, SameSite, Secure`,
  )
})

test('every page answer carries a nonce CSP of its own, its scripts that nonce, and the demo ribbon', async () => {
  test.setTimeout(180_000)
  const problems: string[] = []
  const nonces: string[] = []
  let pages = 0
  let others = 0
  for (const who of IDENTITIES) {
    const ctx = await contextFor(who, world)
    for (const probe of PROBES) {
      const { response, body } = await runProbe(ctx, probe, world)
      const found = cspProblems(`${who} ${probe.name}`, response, body)
      problems.push(...found.problems)
      if (found.nonce) nonces.push(found.nonce)
      if (found.html) pages++
      else others++
    }
    // An API path no route has answers JSON, not an HTML page under the API's policy.
    const missing = await ctx.get('/api/no-such-route')
    expect(missing.status()).toBe(404)
    expect(await missing.json()).toMatchObject({ error: 'not-found' })
    await ctx.dispose()
  }
  expect(problems).toEqual([])
  // Every identity opens some pages (/login, /display, the 404 at least), and no nonce repeats.
  expect(pages).toBeGreaterThanOrEqual(IDENTITIES.length * 3)
  expect(new Set(nonces).size).toBe(nonces.length)
  figure(
    `${pages} HTML answers with a fresh script nonce (no 'unsafe-inline' scripts), every script tag carrying it, each with the demo ribbon; ${others} other answers under a policy that allows nothing`,
  )
})

test('in a browser the pages run under that CSP with no violation, and an injected inline script does not run', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const screens: { who: 'none' | 'cashier' | 'manager' | 'admin'; path: string; ready: string }[] =
    [
      { who: 'none', path: '/login', ready: 'input[name=username]' },
      { who: 'none', path: '/display', ready: '[data-testid=pair-screen]' },
      { who: 'cashier', path: '/charge/new', ready: '[data-testid=charge-submit]' },
      { who: 'cashier', path: `/charge/${world.openCharge.id}`, ready: '[data-testid=charge-qr]' },
      { who: 'manager', path: '/charges', ready: '[data-testid=charge-row]' },
      { who: 'admin', path: '/admin/users', ready: '[data-testid=add-user-form]' },
    ]
  let checked = 0
  for (const s of screens) {
    const context = await browser.newContext(
      s.who === 'none' ? {} : { storageState: storageStateFor(s.who) },
    )
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
    })
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const w = window as { __violations?: string[] }
        ;(w.__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`)
      })
    })
    // What an XSS in the markup would be: a script tag without the nonce, sent in the page itself
    // (added here to the real answer, whose CSP header is kept).
    await page.route(
      (url) => url.pathname === s.path.split('?')[0],
      async (route) => {
        if (route.request().resourceType() !== 'document') return route.continue()
        const real = await route.fetch()
        const html = (await real.text()).replace(
          '</body>',
          '<script>window.__injected = 1</script></body>',
        )
        await route.fulfill({ response: real, body: html })
      },
    )
    await page.goto(s.path, { waitUntil: 'networkidle' })
    await expect(page.locator(s.ready).first()).toBeVisible()
    await expect(page.getByTestId('sandbox-ribbon')).toHaveText('演示模式 — 不是真实收款')
    // The page's own scripts ran: React hydrated and the language switch works (a server action).
    if (s.path !== '/display') {
      await waitForHydration(page.getByRole('button', { name: 'English' }))
      await page.getByRole('button', { name: 'English' }).click()
      await expect(page.getByTestId('sandbox-ribbon')).toHaveText('Demo mode — not real payments')
      await page.getByRole('button', { name: '中文' }).click()
      await expect(page.getByTestId('sandbox-ribbon')).toHaveText('演示模式 — 不是真实收款')
    }
    // The injected script did not run, and it is the only thing the policy had to stop.
    const seen = await page.evaluate(() => ({
      injected: (window as { __injected?: number }).__injected ?? null,
      violations: (window as { __violations?: string[] }).__violations ?? [],
    }))
    expect(seen.injected, s.path).toBeNull()
    expect(seen.violations, s.path).toEqual([expect.stringMatching(/^script-src-elem inline$/)])
    expect(violations, s.path).toHaveLength(1)
    checked++
    await context.close()
  }
  expect(checked).toBe(screens.length)
  figure(
    `${checked} screens in Chromium (login, tablet pairing, new charge, charge, charges, users): hydrated (language switch), a script tag injected into the markup blocked on each, no other CSP violation`,
  )
})

test('the sandbox control surface cannot be reached from the network', async () => {
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address
  test.skip(!lan, 'this machine has no network interface besides loopback')
  const fromLan = await fetch(`http://${lan}:${E2E.sandboxPort}/__control/orders`).then(
    (r) => `HTTP ${r.status}`,
    (e: Error) => `refused (${(e.cause as { code?: string } | undefined)?.code ?? e.message})`,
  )
  const fromHere = await fetch(`${E2E.sandboxUrl}/__control/orders`).then((r) => r.status)
  expect(fromHere).toBe(200)
  expect(fromLan).toMatch(/^refused|^HTTP 403$/)
  figure(`sandbox control surface: 200 on loopback, ${fromLan} from ${lan}`)
})
