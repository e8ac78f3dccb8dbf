import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { E2E, type E2ERole } from './support/config'
import { expect, test } from './support/fixtures'
import { uniqueBill } from './support/sandbox'
import { DEVICE_COOKIE } from '@/lib/display/device-cookie'
import { pairTablet } from './support/tablet-tokens'
import { suiteFigures } from './support/figures'
import { cancelCharges, chargeAt, newStation, readySandbox, rolePage } from './support/own-station'

/*
 * Every screen through axe-core: no serious or critical violation (WCAG 2.x A/AA and axe's best
 * practices). Each page is checked as the person who uses it, in the default language.
 */

type Who = E2ERole | 'visitor' | 'tablet'

interface Screen {
  name: string
  who: Who
  path: (ids: Ids) => string
  /** What shows that the page has finished drawing. */
  ready: string
}

interface Ids {
  open: string
  paid: string
  failed: string
  station: string
}

const SCREENS: Screen[] = [
  { name: 'login', who: 'visitor', path: () => '/login', ready: 'input[name=username]' },
  {
    name: 'charge new',
    who: 'cashier',
    path: () => '/charge/new',
    ready: '[data-testid=charge-submit]',
  },
  {
    name: 'charge screen',
    who: 'cashier',
    path: (i) => `/charge/${i.open}`,
    ready: '[data-testid=charge-qr]',
  },
  {
    name: 'charge screen, paid',
    who: 'cashier',
    path: (i) => `/charge/${i.paid}`,
    ready: '[data-status=paid]',
  },
  {
    name: 'charge screen, failed',
    who: 'cashier',
    path: (i) => `/charge/${i.failed}`,
    ready: '[data-testid=charge-error]',
  },
  { name: 'today', who: 'cashier', path: () => '/charge/today', ready: 'h1' },
  {
    name: 'handover',
    who: 'manager',
    path: (i) => `/handover?station=${i.station}`,
    ready: '[data-testid=handover-paid-total]',
  },
  {
    name: 'charges list',
    who: 'manager',
    path: () => '/charges',
    ready: '[data-testid=export-csv]',
  },
  {
    name: 'charge detail',
    who: 'manager',
    path: (i) => `/charges/${i.paid}`,
    ready: '[data-testid=charge-status]',
  },
  {
    name: 'attention',
    who: 'manager',
    path: () => '/attention',
    ready: '[data-testid=attention-count]',
  },
  {
    name: 'admin users',
    who: 'admin',
    path: () => '/admin/users',
    ready: '[data-testid=add-user-form]',
  },
  {
    name: 'admin stations',
    who: 'admin',
    path: () => '/admin/stations',
    ready: '[data-testid=station-row]',
  },
  {
    name: 'station tablets',
    who: 'manager',
    path: (i) => `/admin/stations/${i.station}/tablets`,
    ready: '[data-testid=create-pairing-code]',
  },
  { name: 'admin settings', who: 'admin', path: () => '/admin/settings', ready: 'form' },
  {
    name: 'admin audit',
    who: 'admin',
    path: () => '/admin/audit',
    ready: '[data-testid=audit-row]',
  },
  {
    name: 'forbidden',
    who: 'cashier',
    path: () => '/admin/users',
    ready: '[data-testid=forbidden]',
  },
  { name: 'not found', who: 'cashier', path: () => '/no-such-page', ready: 'h1' },
  {
    name: 'tablet pairing',
    who: 'visitor',
    path: () => '/display',
    ready: '[data-testid=pair-screen]',
  },
  {
    name: 'tablet showing a charge',
    who: 'tablet',
    path: () => '/display',
    ready: '[data-testid=display-qr]',
  },
]

const figure = suiteFigures('accessibility (axe-core)')
let ids: Ids
let tabletToken: string

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000)
  await readySandbox()
  const station = await newStation(browser, 'A11Y')
  const cashier = await rolePage(browser, 'cashier')
  const paid = await chargeAt(cashier, station, uniqueBill('A11Y-PAID'), '9.90', 'paid')
  const failed = await chargeAt(cashier, station, uniqueBill('A11Y-FAIL'), '29.90', 'failed')
  const open = await chargeAt(cashier, station, uniqueBill('A11Y-OPEN'), '19.90', 'pending')
  await cashier.context().close()
  const manager = await rolePage(browser, 'manager')
  tabletToken = (await pairTablet(manager, station)).token
  await manager.context().close()
  ids = { open, paid, failed, station }
})

test.afterAll(async ({ browser }) => {
  if (ids) await cancelCharges(browser, [ids.open])
})

async function pageFor(browser: import('@playwright/test').Browser, who: Who): Promise<Page> {
  if (who === 'visitor') return (await browser.newContext()).newPage()
  if (who !== 'tablet') return rolePage(browser, who)
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } })
  await context.addCookies([
    { name: DEVICE_COOKIE, value: tabletToken, url: E2E.baseUrl, httpOnly: true, sameSite: 'Lax' },
  ])
  return context.newPage()
}

for (const screen of SCREENS) {
  test(`${screen.name} has no serious or critical accessibility violation`, async ({ browser }) => {
    const page = await pageFor(browser, screen.who)
    await page.goto(screen.path(ids))
    await page.locator(screen.ready).first().waitFor()
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
          .slice(0, 5)
          .map((n) => `${n.html.slice(0, 160)} — ${n.failureSummary ?? ''}`),
      }))
    expect(serious).toEqual([])
    const minor = results.violations.filter(
      (v) => v.impact !== 'serious' && v.impact !== 'critical',
    )
    figure(
      `${screen.name}: ${results.passes.length} rules pass, 0 serious or critical${minor.length ? `, minor/moderate: ${minor.map((v) => v.id).join(', ')}` : ''}`,
    )
    await page.context().close()
  })
}
