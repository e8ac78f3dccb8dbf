import type { Page } from '@playwright/test'
import { pairedTabletAt, waitForStarted } from '@/tests/support/tablet'
import { cancelOnChargeScreen } from './support/cancel-charge'
import { chargeIdOf, FrontDesk } from './support/charge-page'
import { expectNoScroll, expectNothingClipped, linesOfText } from './support/fits'
import { expect, test } from './support/quiet-server'
import { expectDisplay } from './support/tablet'
import { waitForHydration } from '@/tests/support/hydration'

/*
 * The cashier timeout, on the server whose wall clock the test sets (quiet-server.ts): the charge
 * is taken with a minute on its countdown, then the clock moves past the minute, and the watched
 * screen's next check finds the time run out and closes the QR at DMS. The same path as a minute
 * waited out on the shared server, which spent 60 of this spec's 68 s waiting.
 */

async function setTimeoutMinutes(adminPage: Page, minutes: number) {
  await adminPage.goto('/admin/settings')
  const form = adminPage.getByTestId('settings-form')
  await waitForHydration(form)
  await form.locator('input[name=cashier_timeout_min]').fill(String(minutes))
  await form.locator('button[type=submit]').click()
  await expect(adminPage.getByTestId('settings-saved')).toBeVisible()
}

async function setLanguage(adminPage: Page, language: 'zh-CN' | 'en') {
  await adminPage.goto('/admin/settings')
  const form = adminPage.getByTestId('settings-form')
  await waitForHydration(form)
  await form.locator('select[name=language]').selectOption(language)
  await form.locator('button[type=submit]').click()
  await expect(adminPage.getByTestId('settings-saved')).toBeVisible()
}

test('an unpaid QR is closed at DMS when the cashier timeout runs out', async ({
  browser,
  quiet,
}) => {
  test.setTimeout(90_000)
  // The clock at the real time again, whatever an earlier spec on this server set it to.
  await quiet.setClock(Date.now())
  const admin = await quiet.pageAs(browser, 'admin')
  const cashier = await quiet.pageAs(browser, 'cashier')
  const manager = await quiet.pageAs(browser, 'manager')
  await setTimeoutMinutes(admin, 1)
  try {
    const desk = new FrontDesk(cashier)
    const bill = `TIMEOUT-${Date.now().toString(36).toUpperCase()}`
    await desk.charge(bill, '15.00')
    await expect(desk.qr()).toBeVisible()
    await expect(cashier.getByTestId('charge-countdown')).toContainText('0:5')
    // Still open with time left: only the minute running out may close it.
    await desk.expectStatus('pending')
    const [open] = await quiet.sandbox.ordersForBill(bill)
    expect(open!.orderStatus).toBe(1) // unpaid
    // A minute and a second later, for the server and its sandbox alike.
    await quiet.setClock(Date.now() + 61_000)
    await desk.expectStatus('closed', 30_000)
    const [order] = await quiet.sandbox.ordersForBill(bill)
    expect(order!.orderStatus).toBe(6)
    // Said as what happened: the QR expired (it read 收款已关闭, as for a cancel).
    await expect(cashier.getByText('收款码已过期', { exact: true })).toBeVisible()
    await expect(cashier.getByTestId('charge-close-reason')).toHaveText(
      '顾客没有按时付款，没有扣款。如仍要付款，请重新收款。',
    )
    await expect(cashier.getByText('收款已关闭', { exact: true })).toHaveCount(0)
    // The manager's detail says it in the same words.
    await manager.goto(`/charges/${await chargeIdOf(cashier)}`)
    await expect(manager.getByTestId('detail-close-reason')).toHaveText('收款码已过期')
  } finally {
    await setTimeoutMinutes(admin, 5)
    await Promise.all([admin, cashier, manager].map((p) => p.context().close()))
  }
})

/*
 * The customer's tablet says why a charge ended: a QR whose time ran out (the watched screen's
 * timeout close) is "expired", with what to do; a cashier's cancel is "closed" (both read
 * 本次收款已关闭). Two tablets on the cashier's station, one at each size, in both languages: the
 * screenshots are of the words as a customer sees them, whole, each phrase on its line.
 */
test('the paired tablet says a timed-out QR expired, and a cancelled charge closed', async ({
  browser,
  quiet,
}) => {
  test.setTimeout(150_000)
  await quiet.setClock(Date.now())
  const admin = await quiet.pageAs(browser, 'admin')
  const cashier = await quiet.pageAs(browser, 'cashier')
  const manager = await quiet.pageAs(browser, 'manager')
  await setTimeoutMinutes(admin, 1)
  const desk = new FrontDesk(cashier)
  await desk.open()
  const stationId = await cashier.locator('select[name=station_id]').inputValue()
  const opened = [admin, cashier, manager]
  const baseUrl = quiet.server.baseUrl
  const tablets: Record<string, Page> = {}
  // How far ahead of the real time the clock is: each timeout moves it a minute and a second on.
  let ahead = 0
  const timeOut = async (bill: string) => {
    await desk.charge(bill, '42.00')
    await desk.expectStatus('pending')
    for (const t of Object.values(tablets)) await expectDisplay(t, 'pending')
    ahead += 61_000
    await quiet.setClock(Date.now() + ahead)
    await desk.expectStatus('closed', 30_000)
  }
  try {
    for (const size of ['landscape', 'portrait'] as const) {
      tablets[size] = (await pairedTabletAt(browser, manager, stationId, { size, baseUrl })).tablet
      opened.push(tablets[size])
    }
    await timeOut(`TABLET-EXP-${Date.now().toString(36).toUpperCase()}`)
    for (const [size, tablet] of Object.entries(tablets)) {
      await expectDisplay(tablet, 'closed')
      const screen = tablet.getByTestId('display-status')
      await expect(screen.getByText('收款码已过期', { exact: true })).toBeVisible()
      await expect(
        screen.getByText('如需付款，请联系收银员重新生成收款码', { exact: true }),
      ).toBeVisible()
      await expect(screen.getByText('本次收款已关闭')).toHaveCount(0)
      expect(await linesOfText(screen, /如需付款，请联系收银员重新生成收款码/), size).toBe(1)
      await expectNoScroll(tablet)
      await expectNothingClipped(tablet)
      await tablet.screenshot({ path: `screenshots/tablet-${size}-expired.png` })
    }

    // A cashier's cancel keeps its words.
    await desk.charge(`TABLET-CAN-${Date.now().toString(36).toUpperCase()}`, '43.00')
    for (const t of Object.values(tablets)) await expectDisplay(t, 'pending')
    await cancelOnChargeScreen(cashier)
    for (const tablet of Object.values(tablets)) {
      await expectDisplay(tablet, 'closed')
      const screen = tablet.getByTestId('display-status')
      await expect(screen.getByText('本次收款已关闭', { exact: true })).toBeVisible()
      await expect(screen.getByText('收款码已过期')).toHaveCount(0)
    }

    // In English: the shop's language reloads each tablet in it. A tablet also reloads itself at
    // the next view it is sent in another language (use-display-state.ts), which the cancel's last
    // push can be: its reload then aborts this one (net::ERR_ABORTED), and either brings it up in
    // English.
    await setLanguage(admin, 'en')
    for (const tablet of Object.values(tablets)) {
      await tablet.reload().catch((error: unknown) => {
        if (!String(error).includes('net::ERR_ABORTED')) throw error
      })
      await expect(tablet.locator('html')).toHaveAttribute('lang', 'en')
      await waitForStarted(tablet)
    }
    await timeOut(`TABLET-EXP-EN-${Date.now().toString(36).toUpperCase()}`)
    for (const [size, tablet] of Object.entries(tablets)) {
      await expectDisplay(tablet, 'closed')
      const screen = tablet.getByTestId('display-status')
      await expect(screen.getByText('QR code expired', { exact: true })).toBeVisible()
      await expect(
        screen.getByText('Please ask the cashier for a new QR code', { exact: true }),
      ).toBeVisible()
      expect(await linesOfText(screen, /QR code expired/), size).toBe(1)
      await expectNoScroll(tablet)
      await expectNothingClipped(tablet)
      await tablet.screenshot({ path: `screenshots/tablet-${size}-expired-en.png` })
    }
  } finally {
    await setLanguage(admin, 'zh-CN')
    await setTimeoutMinutes(admin, 5)
    await Promise.all(opened.map((p) => p.context().close()))
  }
})
