import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { decodeQr } from './support/qr'
import { billRuns, longBill, sandbox, uniqueBill } from './support/sandbox'
import { chargeAt, newStation, readySandbox } from './support/own-station'
import { addStationByCli, expectDisplay, ownStation, pairedTablet } from './support/tablet'
import { newTablet, pairWithCode, TABLET_SIZES, waitForStarted } from '@/tests/support/tablet'
import { STARTED_SELECTOR } from '@/components/display/start-watchdog'
import { cancelOnChargeScreen } from './support/cancel-charge'
import { E2E } from './support/config'
import { LOCALE_COOKIE } from '@/lib/locale'
import {
  expectCornersWhole,
  expectFits,
  expectNoScroll,
  expectNothingClipped,
  expectPaintedInsideClip,
  expectWhollyOnScreen,
  linesOfText,
} from './support/fits'
import { waitForHydration } from '@/tests/support/hydration'
import { markDocument, sameDocument } from './support/same-document'
import { pairTablet, revokeTablet } from './support/tablet-tokens'

test.beforeAll(readySandbox)

test('a tablet paired to a station shows only that station’s charges, from QR to paid and closed', async ({
  browser,
  cashierPage,
  managerPage,
}) => {
  test.setTimeout(120_000)
  const { station: front, tablet: tabletA } = await pairedTablet(browser, managerPage, '前台', {
    size: 'landscape',
  })

  // A second station, provisioned from the command line; its tablet pairs by opening the URL.
  const other = await addStationByCli(`二楼接待 ${Date.now().toString(36)}`)
  const tabletB = await newTablet(browser, { size: 'portrait' })
  await tabletB.goto(other.pairUrl)
  await expectDisplay(tabletB, 'idle')

  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('TABLET')
  await desk.charge(bill, '256.00', 'SCAN_WEIXIN', front.name)
  await expect(desk.qr()).toBeVisible()
  await expectDisplay(tabletA, 'pending')
  await expect(tabletA.getByTestId('display-amount')).toContainText('256.00')
  const [order] = await sandbox.waitForOrders(bill)
  expect(await decodeQr(tabletA.getByTestId('display-qr'))).toBe(order!.payInfo)
  await expectDisplay(tabletB, 'idle')
  await expect(tabletB.getByTestId('display-qr')).toHaveCount(0)

  // The cashier sees that the customer can see the QR.
  await expect(cashierPage.getByTestId('customer-screen-status')).toHaveAttribute(
    'data-live',
    'true',
  )

  await sandbox.pay(order!.bizOrderNo)
  await expectDisplay(tabletA, 'paid')
  await expectDisplay(tabletA, 'idle', 20_000)

  const expiring = uniqueBill('TABLET')
  await desk.charge(expiring, '18.00', 'SCAN_WEIXIN', front.name)
  await expectDisplay(tabletA, 'pending')
  const [second] = await sandbox.waitForOrders(expiring)
  await sandbox.expire(second!.bizOrderNo)
  await expectDisplay(tabletA, 'closed')
  await expectDisplay(tabletB, 'idle')
  // Contexts a test opens itself outlive it: left open, each tablet would keep its stream, its
  // polls and its drawing going through every spec after this one in the shard.
  await Promise.all([tabletA, tabletB].map((t) => t.context().close()))
})

test('a manager renames a tablet (a clear error for a blank name), then revokes it: it loses access at its next poll', async ({
  browser,
  managerPage,
  adminPage,
}) => {
  // Three browsers, the station CLI, a rename, the audit log and a revoke: about 40 steps, 57 s
  // on a loaded CI machine (66 s once), against the 60 s default.
  test.setTimeout(120_000)
  const { station, tablet } = await pairedTablet(browser, managerPage, '撤销')
  await managerPage.goto(`/admin/stations/${station.id}/tablets`)
  const rows = managerPage.getByTestId('tablet-row')
  // Newest first: the tablet just paired is at the top.
  const row = rows.first()
  const deviceId = await row.getAttribute('data-device-id')
  const before = (await row.getByTestId('tablet-name').textContent())!
  // The browser-made default name, in the page's words: led by 平板, device and browser kept.
  expect(before).toMatch(/^平板 · [^#]+ #[0-9a-f]{4}$/)
  expect(before).not.toMatch(/Browser|tablet|phone/)

  await waitForHydration(row.getByTestId('rename-tablet'))
  await row.getByTestId('rename-tablet').click()
  const input = row.getByRole('textbox', { name: '新名称' })
  // The browser-made name is the field's hint, not its text: saved as it stood, its Chinese words
  // would have become the tablet's typed name.
  await expect(input).toHaveValue('')
  await expect(input).toHaveAttribute('placeholder', before)
  await input.fill('   ')
  await row.getByTestId('rename-tablet-save').click()
  await expect(row.getByTestId('tablet-rename-error')).toHaveText('请输入平板名称，不能只有空格。')
  const name = `柜台左侧 ${deviceId!.slice(0, 4)}`
  await input.fill(name)
  await row.getByTestId('rename-tablet-save').click()
  await expect(row.getByTestId('tablet-renamed')).toHaveText(`已改名为“${name}”。`)
  await expect(row.getByTestId('tablet-name')).toHaveText(name)
  await managerPage.screenshot({ path: 'screenshots/tablets-renamed.png' })
  await managerPage.reload()
  await expect(
    managerPage.locator(
      `[data-testid=tablet-row][data-device-id="${deviceId}"] [data-testid=tablet-name]`,
    ),
  ).toHaveText(name)

  await adminPage.goto('/admin/audit')
  const entry = adminPage
    .locator('[data-testid=audit-row][data-action="display.rename"]')
    .filter({ hasText: name })
  await expect(entry).toHaveCount(1)
  await expect(entry).toContainText('顾客屏幕改名')
  await expect(entry).toContainText(before)
  await expect(entry).not.toContainText('{')

  await rows.first().getByTestId('revoke-tablet').click()
  await managerPage.getByTestId('revoke-tablet-confirm').click()
  await expect(tablet.getByTestId('pair-screen')).toBeVisible({ timeout: 15_000 })
  await expect(tablet.getByTestId('display-status')).toHaveCount(0)
  await tablet.context().close()
})

/*
 * 撤销 on a page drawn before the tablet was revoked from another: refused as stale, and the page
 * re-rendered without the tablet says so above the list. The row held the message, and went with
 * it: the row vanished without a word.
 */
test('revoking a tablet revoked meanwhile says why its row went', async ({ managerPage }) => {
  const station = await ownStation(managerPage, '撤销两次')
  const { deviceId } = await pairTablet(managerPage, station.id)
  const late = await managerPage.context().newPage()
  // A tab in the background: its own refresh every 5 s (AutoRefresh) would drop the row before the
  // click this test is about.
  await late.addInitScript(() =>
    Object.defineProperty(Document.prototype, 'visibilityState', { get: () => 'hidden' }),
  )
  await late.goto(`/admin/stations/${station.id}/tablets`)
  const row = late.locator(`[data-testid=tablet-row][data-device-id="${deviceId}"]`)
  await waitForHydration(row.getByTestId('revoke-tablet'))
  await row.getByTestId('revoke-tablet').click()
  await revokeTablet(managerPage, station.id, deviceId)
  await markDocument(late)
  await row.getByTestId('revoke-tablet-confirm').click()
  // The sentence as the messages have it (its wording is theirs to change).
  const tablets = JSON.parse(readFileSync('messages/zh-CN/tablets.json', 'utf8'))
  await expect(late.getByTestId('tablets-notice')).toHaveText(tablets.errors.unknown_device)
  await expect(row).toHaveCount(0)
  await expect(late.getByTestId('tablets-empty')).toBeVisible()
  expect(await sameDocument(late), 'the refused revoke re-rendered the page, no reload').toBe(true)
  await late.close()
})

/*
 * The station's tablets page, its buttons whole at every staff size: each row's rename and revoke,
 * border and focus outline, inside the card the table scrolls in (at 1024 and 1280 px 撤销 sat flush
 * with that card's right edge, the right side of its border cut off), and 撤销 and the tablet's
 * state each on one line.
 */
test('the tablets list shows its buttons whole, border and focus outline, at every size', async ({
  browser,
  managerPage: page,
}) => {
  const { station, tablet } = await pairedTablet(browser, page, '边框')
  await tablet.context().close()
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
    [768, 1024],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.goto(`/admin/stations/${station.id}/tablets`)
    const row = page.getByTestId('tablet-row').first()
    // As a tablet off for a while reads (离线 12 分钟, not 在线), the row at its longest: at 1024 px
    // that state and 撤销 each broke over two lines (撤/销).
    const state = row.getByTestId('tablet-state')
    await state.evaluate((el) => void (el.lastChild!.textContent = '离线 12 分钟'))
    for (const [hook, words] of [
      ['tablet-state', state],
      ['revoke-tablet', row.getByTestId('revoke-tablet')],
    ] as const) {
      expect(await linesOfText(words, /\S.*\S/), `${hook} at ${width}×${height}: lines`).toBe(1)
    }
    // From a desktop's width on (a table, not the phone's list), when it was paired and when it was
    // last heard from each read on one line: at 1024 px both broke after the date.
    if (width >= 1024) {
      for (const [column, cell] of [
        ['paired', row.locator('td').nth(1)],
        ['last contact', row.locator('td').nth(2)],
      ] as const) {
        const what = `${column} at ${width}×${height}: lines`
        expect(await linesOfText(cell, /\d.*\d/), what).toBe(1)
      }
    }
    for (const hook of ['rename-tablet', 'revoke-tablet']) {
      const button = row.getByTestId(hook)
      const what = `${hook} at ${width}×${height}`
      expect(await expectPaintedInsideClip(button, what), `${what}: in a scroller`).toBeGreaterThan(
        0,
      )
      // Reached by the keyboard, so the focus outline shows (:focus-visible).
      await button.focus()
      await page.keyboard.press('Shift+Tab')
      await page.keyboard.press('Tab')
      expect(await button.evaluate((el) => el.matches(':focus-visible')), what).toBe(true)
      await expectPaintedInsideClip(button, `${what}, focused`)
    }
    await expectNothingClipped(page)
    await page.screenshot({ path: `screenshots/tablets-${width}x${height}.png`, fullPage: true })
  }
})

/*
 * 收银台 on a phone, in English, for a station with a tablet: its customer screen's line and the
 * way to its tablets share a row that wraps (the line squeezed to a bubble and “Customer screens
 * (tablets)” ran 60 px off the screen).
 */
test('the stations page fits a phone when a station has a customer screen, in English', async ({
  browser,
  managerPage: page,
}) => {
  const { station, tablet } = await pairedTablet(browser, page, 'Phone row')
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'en', url: E2E.baseUrl }])
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/admin/stations')
  const card = page.locator('li', { has: page.getByRole('heading', { name: station.name }) })
  await expect(card.getByTestId('customer-screen-status')).toBeVisible()
  const link = card.getByTestId('station-tablets')
  await expect(link).toHaveText('Customer screens (tablets)')
  await expectFits(page)
  const box = (await link.boundingBox())!
  expect(box.x + box.width, 'the way to the tablets, on screen').toBeLessThanOrEqual(390)
  await page.screenshot({ path: 'screenshots/stations-tablet-en-390.png', fullPage: true })
  await tablet.context().close()
})

test('a tablet recovers by itself after the network drops', async ({
  browser,
  cashierPage,
  managerPage,
}) => {
  const { station, tablet } = await pairedTablet(browser, managerPage, '断网')
  await tablet.context().setOffline(true)
  await expect(tablet.getByTestId('reconnecting')).toBeVisible({ timeout: 20_000 })
  await expectDisplay(tablet, 'idle') // the last screen stays up, never blank

  const bill = uniqueBill('OFFLINE')
  await new FrontDesk(cashierPage).charge(bill, '9.90', 'SCAN_WEIXIN', station.name)
  await tablet.context().setOffline(false)
  await expectDisplay(tablet, 'pending', 20_000)
  await expect(tablet.getByTestId('reconnecting')).toHaveCount(0)
  await cancelOnChargeScreen(cashierPage)
  await tablet.context().close()
})

test('the cashier’s buttons stay put when the customer screen’s line arrives after the QR', async ({
  browser,
  cashierPage,
  managerPage,
}) => {
  const { station, tablet } = await pairedTablet(browser, managerPage, '按钮')
  // The station's screen status comes late, as on a busy server: the QR is up well before it.
  let delayed = 0
  await cashierPage.route('**/display-status**', async (route) => {
    delayed++
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    await route.continue()
  })
  const desk = new FrontDesk(cashierPage)
  await desk.charge(uniqueBill('STAY'), '4.40', 'SCAN_WEIXIN', station.name)
  await expect(desk.qr()).toBeVisible()
  const cancel = cashierPage.getByTestId('charge-cancel')
  await expect(cancel).toBeVisible()
  await expect(cashierPage.getByTestId('customer-screen-status')).toHaveCount(0)
  const before = await cancel.boundingBox()
  await expect(cashierPage.getByTestId('customer-screen-status')).toBeVisible({ timeout: 15_000 })
  expect(delayed, 'the status was asked for, and held back').toBeGreaterThan(0)
  expect(await cancel.boundingBox()).toEqual(before)
  await cashierPage.unrouteAll({ behavior: 'ignoreErrors' })
  await cancelOnChargeScreen(cashierPage)
  await tablet.context().close()
})

test('a station with no customer screen says so on the charge screen, where its line would be', async ({
  browser,
  cashierPage,
}) => {
  const stationId = await newStation(browser, 'NOSCREEN')
  await chargeAt(cashierPage, stationId, uniqueBill('NOSCREEN'), '6.60', 'pending')
  const line = cashierPage.getByTestId('customer-screen-status')
  await expect(line).toHaveAttribute('data-paired', 'false')
  await expect(line).toHaveText('本收银台没有顾客屏，请让顾客扫描本屏二维码')
  // In the row held for it, between the charge's card and the cashier's buttons, on one line.
  const row = cashierPage.getByTestId('customer-screen-row')
  const [rowBox, lineBox] = [await row.boundingBox(), await line.boundingBox()]
  expect(lineBox!.height).toBeLessThanOrEqual(rowBox!.height)
  expect(lineBox!.height).toBeLessThan(40)
  await cancelOnChargeScreen(cashierPage)
})

test('a tablet whose scripts failed to load restarts by itself once the server answers again', async ({
  browser,
  cashierPage,
  managerPage,
}) => {
  test.setTimeout(90_000)
  const { station, tablet } = await pairedTablet(browser, managerPage, '脚本')
  let reloads = 0
  tablet.on('framenavigated', (frame) => {
    if (frame === tablet.mainFrame()) reloads++
  })
  // The network drops right after the page arrived: its scripts and the server are unreachable.
  // (Routing turns the browser's cache off, so every script really is asked for.)
  const scripts = '**/_next/static/**'
  const server = '**/api/display/**'
  await tablet.route(scripts, (route) => route.abort('internetdisconnected'))
  await tablet.route(server, (route) => route.abort('internetdisconnected'))
  await tablet.reload()
  await expectDisplay(tablet, 'idle') // the server's HTML, frozen: nothing runs it
  reloads = 0
  await tablet.waitForTimeout(11_000) // two of the watchdog's checks after the load event
  expect(reloads, 'no reload while the server cannot be reached').toBe(0)
  await expect(tablet.locator(STARTED_SELECTOR)).toHaveCount(0)

  // The server answers again, the scripts still fail: it keeps trying, the screen never blank.
  await tablet.unroute(server)
  await expect.poll(() => reloads, { timeout: 15_000 }).toBeGreaterThan(0)
  await expectDisplay(tablet, 'idle')

  await tablet.unroute(scripts)
  await waitForStarted(tablet, 20_000)
  const bill = uniqueBill('SCRIPTS')
  await new FrontDesk(cashierPage).charge(bill, '3.30', 'SCAN_WEIXIN', station.name)
  await expectDisplay(tablet, 'pending')
  await cancelOnChargeScreen(cashierPage)
  await tablet.context().close()
})

test('tablet screens at both sizes', async ({ browser, cashierPage, managerPage }) => {
  test.setTimeout(180_000)
  const station = await ownStation(managerPage, '截图')
  /** The tablet is the customer's whole screen: it fits without scrolling and cuts no text off. */
  const fits = async (tablet: Page) => {
    await expectNoScroll(tablet)
    await expectNothingClipped(tablet)
  }
  for (const size of Object.keys(TABLET_SIZES) as (keyof typeof TABLET_SIZES)[]) {
    const tablet = await newTablet(browser, { size })
    await tablet.goto('/display')
    await expect(tablet.getByTestId('pair-screen')).toBeVisible()
    await tablet.screenshot({ path: `screenshots/tablet-${size}-pairing.png` })
    await pairWithCode(managerPage, tablet, station.id)
    await fits(tablet)
    await tablet.screenshot({ path: `screenshots/tablet-${size}-idle.png` })

    const desk = new FrontDesk(cashierPage)
    // The longest bill the form takes: the line under the amount holds it, on screen.
    const bill = longBill()
    const way = size === 'landscape' ? 'SCAN_WEIXIN' : 'SCAN_ALIPAY'
    await desk.charge(bill, '1280.50', way, station.name)
    await expectDisplay(tablet, 'pending')
    const billLine = tablet.getByText(bill)
    await expect(billLine).toBeVisible()
    // Broken, then only where a run ends (after "-" or "/"): break-all split it mid-run.
    for (const run of billRuns(bill)) {
      expect(await linesOfText(billLine, run), `${run} at ${size}`).toBe(1)
    }
    const box = await tablet.getByTestId('display-qr').boundingBox()
    const short = Math.min(TABLET_SIZES[size].width, TABLET_SIZES[size].height)
    expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(0.6 * short)
    await expectWhollyOnScreen(tablet, tablet.getByTestId('display-qr'))
    // The QR's frame keeps its rounded corners: the QR's square white ground painted over them.
    await expect(tablet.getByTestId('display-qr').locator('svg')).toBeVisible()
    await expectCornersWhole(tablet.getByTestId('display-qr'), `QR at ${size}`)
    await fits(tablet)
    await tablet.screenshot({ path: `screenshots/tablet-${size}-qr.png` })
    const [order] = await sandbox.waitForOrders(bill)
    await sandbox.pay(order!.bizOrderNo)
    await expectDisplay(tablet, 'paid')
    await fits(tablet)
    await tablet.screenshot({ path: `screenshots/tablet-${size}-paid.png` })

    const closing = uniqueBill('TSHOT')
    await desk.charge(closing, '35.00', 'SCAN_WEIXIN', station.name)
    await expectDisplay(tablet, 'pending')
    await cancelOnChargeScreen(cashierPage)
    await expectDisplay(tablet, 'closed')
    await fits(tablet)
    await tablet.screenshot({ path: `screenshots/tablet-${size}-closed.png` })

    const failing = uniqueBill('TSHOT')
    await desk.charge(failing, '35.00', 'SCAN_WEIXIN', station.name)
    await expectDisplay(tablet, 'pending')
    const [f] = await sandbox.waitForOrders(failing)
    await sandbox.fail(f!.bizOrderNo, '余额不足')
    await expectDisplay(tablet, 'failed')
    await fits(tablet)
    await tablet.screenshot({ path: `screenshots/tablet-${size}-failed.png` })
    await tablet.context().close()
  }
})
