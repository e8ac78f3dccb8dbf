import { FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { cancelOnChargeScreen } from './support/cancel-charge'
import { billRuns, longBill, sandbox, uniqueBill } from './support/sandbox'
import { E2E } from './support/config'
import {
  expectFits,
  expectNothingClipped,
  expectWordsWhole,
  linesOfText,
  rowsOf,
  STAFF_SIZES,
} from './support/fits'
import type { Page } from '@playwright/test'
import { chargeIdOf } from './support/charge-page'
import { LOCALE_COOKIE } from '@/lib/locale'

/*
 * Items 3, 4 and 7 of issue 15: each state has its own look (by data-look and the words on screen),
 * the result's next action has the focus so Enter works, 重新收款 comes first after a failure, and
 * the form's errors go as the cashier corrects them.
 */
const shot = (name: string) => `screenshots/looks-${name}.png`

test.afterEach(async () => {
  await sandbox.clearFaults()
})

test('waiting, confirming, cancelling and unknown each look like themselves', async ({
  cashierPage: page,
}) => {
  const desk = new FrontDesk(page)
  const stage = page.getByTestId('charge-stage')
  const bill = uniqueBill('LOOK')
  await desk.charge(bill, '128.50')
  await expect(stage).toHaveAttribute('data-look', 'waiting')
  await expect(desk.status()).toContainText('等待顾客扫码')
  await expect(page.getByTestId('charge-countdown')).toContainText(/剩余时间 \d+:\d{2}/)
  await page.screenshot({ path: shot('waiting') })

  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.scan(order!.bizOrderNo)
  await desk.expectStatus('paying')
  await expect(stage).toHaveAttribute('data-look', 'confirming')
  await expect(stage).toContainText('顾客正在确认')
  await expect(desk.status()).toContainText('顾客正在确认')
  // The QR stays (the customer is mid-payment) but is dimmed well below full strength.
  const opacity = await desk
    .qr()
    .evaluate((el) => Number(getComputedStyle(el.parentElement!).opacity))
  expect(opacity).toBeLessThan(0.5)
  await page.screenshot({ path: shot('confirming') })

  // 取消收款 asks first; keeping on leaves the charge open and DMS never hears of a close.
  const closes = async () =>
    (await sandbox.requests({ path: '/dms/cash-out/close' })).filter(
      (r) => r.params.biz_order_no === order!.bizOrderNo,
    ).length
  await page.getByTestId('charge-cancel').click()
  const ask = page.getByRole('alertdialog', { name: '确认取消这笔收款？' })
  await expect(ask).toContainText('顾客若已经付款，款项仍会到账')
  await expect(page.getByTestId('charge-cancel-keep')).toBeFocused()
  await page.screenshot({ path: shot('cancel-confirm') })
  await page.getByTestId('charge-cancel-keep').click()
  await expect(ask).toHaveCount(0)
  await expect(page.getByTestId('charge-cancel')).toBeFocused()
  await expect(stage).toHaveAttribute('data-look', 'confirming')
  await desk.expectStatus('paying')
  expect(await closes()).toBe(0)

  // DMS does not answer the close: the cancel stays requested, and the screen says so.
  await sandbox.addFault({ endpoint: 'close', mode: 'hang' })
  await cancelOnChargeScreen(page)
  await expect(stage).toHaveAttribute('data-look', 'cancelling')
  await expect(stage).toContainText('正在取消')
  await expect(desk.status()).toContainText('正在取消')
  await expect(page.getByTestId('charge-countdown-stopped')).toBeVisible()
  await expect(page.getByTestId('charge-countdown')).toHaveCount(0)
  await expect(page.getByTestId('charge-cancel')).toHaveCount(0)
  await page.screenshot({ path: shot('cancelling') })
  await expect.poll(closes).toBeGreaterThan(0)
  await sandbox.clearFaults()

  const unknown = uniqueBill('LOOK')
  await sandbox.addFault({ endpoint: 'payment', mode: 'hang', times: 1 })
  await sandbox.addFault({ endpoint: 'query', mode: 'hang' })
  await desk.charge(unknown, '99.00')
  await desk.expectStatus('unknown')
  await expect(stage).toHaveAttribute('data-look', 'unknown')
  await expect(stage).toContainText('正在向 DMS 核实，请勿重复收款')
  await expect(page.getByTestId('charge-countdown')).toHaveCount(0)
  await page.screenshot({ path: shot('unknown') })
})

test('paid: a drawn mark, and Enter starts the next charge', async ({ cashierPage: page }) => {
  const desk = new FrontDesk(page)
  const bill = uniqueBill('LOOK')
  await desk.charge(bill, '35.00')
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.pay(order!.bizOrderNo)
  await desk.expectStatus('paid')
  await expect(page.getByTestId('charge-stage')).toHaveAttribute('data-look', 'ended')
  await expect(page.getByTestId('mark-paid').locator('svg path')).toHaveCount(1)
  await expect(page.getByTestId('charge-stage')).not.toContainText('✓')
  await expect(page.getByTestId('charge-new')).toBeFocused()
  // Once, in the outcome panel: the details card beside it (below it on a phone) leaves it out.
  await expect(page.getByTestId('charge-stage').getByTestId('charge-amount')).toHaveText('¥35.00')
  await expect(page.getByText('¥35.00', { exact: true })).toHaveCount(1)
  await page.screenshot({ path: shot('paid') })
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/charge\/new$/)
  await expect(page.locator('input[name=bz_order]')).toBeFocused()
})

/*
 * A paid charge's next steps at the desk's sizes, in both languages: one row where all fit, else
 * two (the links, then the receipt's row). At 1024×768 the receipt's row sat between the links and
 * pushed 今日收款 onto a third row, three rows of three widths; and the paper select beside
 * 打印小票 was 44 px tall to its 56.
 */
test('a paid charge’s next steps: at most two rows, the paper as tall as 打印小票', async ({
  cashierPage: page,
}) => {
  const desk = new FrontDesk(page)
  const checked: string[] = []
  for (const locale of ['en', 'zh-CN'] as const) {
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: E2E.baseUrl }])
    const bill = uniqueBill('ROWS')
    await desk.charge(bill, '12.00')
    const [order] = await sandbox.waitForOrders(bill)
    await sandbox.pay(order!.bizOrderNo)
    await desk.expectStatus('paid')
    for (const [width, height] of [
      [1024, 768],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height })
      const what = `${locale} at ${width}×${height}`
      const steps = page.getByTestId('charge-new').locator('xpath=..').locator('a, button, select')
      await expect(steps, what).toHaveCount(4) // 新的收款, 今日收款, 打印小票, the paper
      expect(await rowsOf(steps), `${what}: rows of next steps`).toBeLessThanOrEqual(2)
      // The two links share the first row; the receipt's row never splits them.
      const links = page.getByTestId('charge-new').locator('xpath=..').locator(':scope > a')
      await expect(links, what).toHaveCount(2)
      expect(await rowsOf(links), `${what}: 新的收款 and 今日收款 on one row`).toBe(1)
      const print = (await page.getByTestId('print-receipt').boundingBox())!
      const paper = (await page.getByTestId('receipt-paper').boundingBox())!
      expect(Math.round(paper.height), `${what}: the paper beside 打印小票`).toBe(
        Math.round(print.height),
      )
      await page.screenshot({ path: shot(`paid-steps-${locale}-${width}`) })
      checked.push(what)
    }
  }
  expect(checked).toHaveLength(4)
})

test('failed: 重新收款 for the same bill comes first and has the focus; the network’s words, no DMS code', async ({
  cashierPage: page,
}) => {
  const desk = new FrontDesk(page)
  const bill = uniqueBill('LOOK')
  await desk.charge(bill, '66.00', 'SCAN_ALIPAY')
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.fail(order!.bizOrderNo, '用户支付宝余额不足')
  await desk.expectStatus('failed')
  await expect(page.getByTestId('mark-failed')).toBeVisible()
  const retry = page.getByTestId('charge-retry')
  await expect(retry).toBeFocused()
  const [retryBox, newBox] = [
    await retry.boundingBox(),
    await page.getByTestId('charge-new').boundingBox(),
  ]
  expect(retryBox!.x).toBeLessThan(newBox!.x)
  // DMS answered that the payment failed: no DMS error, so no "DMS 代码 3000" to quote (it read so).
  await expect(desk.error()).toContainText('支付平台答复：用户支付宝余额不足')
  await expect(page.getByTestId('charge-dms-code')).toHaveCount(0)
  expect(await desk.error().innerText()).not.toContain('3000')
  await page.screenshot({ path: shot('failed') })
  await page.keyboard.press('Enter')
  await expect(page.locator('input[name=bz_order]')).toHaveValue(bill)
  await expect(page.locator('input[name=amount]')).toHaveValue('66.00')
  await expect(page.locator('input[name=pay_way][value=SCAN_ALIPAY]')).toBeChecked()
})

test('form errors are in view, focus the field to fix, and go as it is corrected', async ({
  cashierPage: page,
}) => {
  const desk = new FrontDesk(page)
  await desk.open()
  await desk.fill('', '12.00')
  await page.getByTestId('charge-submit').click()
  await expect(page.getByTestId('charge-error')).toBeInViewport()
  await expect(page.getByTestId('field-error-bz_order')).toBeVisible()
  await expect(page.locator('input[name=bz_order]')).toBeFocused()
  await page.locator('input[name=bz_order]').fill(uniqueBill('LOOK'))
  await expect(page.getByTestId('field-error-bz_order')).toHaveCount(0)

  await page.locator('input[name=amount]').fill('12.345')
  await page.getByTestId('charge-submit').click()
  await expect(page.getByTestId('field-error-amount')).toBeVisible()
  await expect(page.getByTestId('charge-error')).toBeInViewport()
  await expect(page.locator('input[name=amount]')).toBeFocused()
  await page.screenshot({ path: shot('form-errors') })
  await page.locator('input[name=amount]').fill('12.34')
  await expect(page.getByTestId('field-error-amount')).toHaveCount(0)
  await expect(page.getByTestId('charge-error')).toBeVisible() // the summary goes with the next submit
  await page.locator('input[name=amount]').press('Enter')
  await desk.expectStatus('pending')
})

test('pay ways on a phone: each name on one line in its card, no Alt key badge; on a desk, the badge', async ({
  cashierPage: page,
}) => {
  // English has the longest name ("WeChat Pay"): it wrapped under the Alt+1 badge at 390.
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'en', url: E2E.baseUrl }])
  const cards = page.locator('fieldset label:has(input[name=pay_way])')
  for (const [width, height, badge] of [
    [390, 844, false],
    [1280, 800, true],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.goto('/charge/new')
    await expect(cards).toHaveCount(2)
    await expect(cards.first()).toContainText('WeChat Pay')
    for (const card of await cards.all()) {
      const fits = await card.evaluate((el) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        const text = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE)!
        range.selectNodeContents(text)
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
        return { lines, inside: el.scrollWidth <= el.clientWidth }
      })
      expect(fits, `${width}: ${await card.textContent()}`).toEqual({ lines: 1, inside: true })
    }
    await expect(page.getByTestId('pay-way-key-SCAN_WEIXIN')).toBeVisible({ visible: badge })
  }
})

/*
 * The longest bill the form takes (40 characters) on the screens that show it, at a phone's width
 * and a desk's: broken anywhere (break-all), it split mid-run at 390 px (…-ORDER.ABCD|EFGH…), and
 * read as two numbers. Now each run stays whole, a break falls only after a separator, and a tap on
 * it selects exactly the bill, to copy.
 */
test('a 40-character bill breaks only after its separators, and a tap selects it whole', async ({
  cashierPage: page,
  managerPage,
}) => {
  test.setTimeout(60_000)
  await page.addInitScript(() => {
    window.print = () => {}
  })
  const bill = longBill()
  expect(bill).toHaveLength(40)
  const runs = billRuns(bill)
  expect(runs.length, 'a bill with separators to break after').toBeGreaterThan(4)
  const desk = new FrontDesk(page)
  await desk.charge(bill, '18.00')
  await expect(desk.qr()).toBeVisible()
  const shown = page.getByTestId('charge-bill')
  await expect(shown).toHaveText(bill)
  await expectWordsWhole(page, shown, runs, (w) => shot(`long-bill-charge-${w}`))
  // A desk has the room: the bill on one line there.
  await page.setViewportSize({ width: 1280, height: 800 })
  const whole = new RegExp(runs.map((r) => r.source).join(''))
  expect(await linesOfText(shown, whole), 'the bill at 1280').toBe(1)
  await page.setViewportSize({ width: 390, height: 844 })
  await shown.getByText(/REPAIR/).click()
  expect(await page.evaluate(() => getSelection()!.toString()), 'a tap selects the bill').toBe(bill)

  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.pay(order!.bizOrderNo)
  await desk.expectStatus('paid')
  const id = await chargeIdOf(page)
  await expectWordsWhole(page, shown, runs, (w) => shot(`long-bill-paid-${w}`))

  // The receipt, as printed on each roll: the bill broken only after a separator, and DMS's
  // 19-digit order number never (on 58 mm it broke mid-number), each on its own line if need be.
  const orderNo = new RegExp(`\\b${order!.orderNo}\\b`)
  expect(order!.orderNo).toMatch(/^\d{19}$/)
  const receipt = page.getByTestId('receipt')
  for (const paper of ['58', '80'] as const) {
    await page.getByTestId('receipt-paper').selectOption(paper)
    await page.getByTestId('print-receipt').click()
    await page.emulateMedia({ media: 'print' })
    await expect(receipt).toHaveAttribute('data-paper', paper)
    await expect(receipt).toContainText(bill)
    for (const run of runs) expect(await linesOfText(receipt, run), `${run} on ${paper}`).toBe(1)
    expect(await linesOfText(receipt, orderNo), `the order number on ${paper}`).toBe(1)
    await receipt.screenshot({ path: shot(`long-bill-receipt-${paper}`) })
    await page.emulateMedia({ media: 'screen' })
  }

  await page.goto('/charge/today')
  const row = page.getByTestId('today-row').filter({ hasText: bill })
  await expect(row).toHaveCount(1)
  await expectWordsWhole(page, row, runs, (w) => shot(`long-bill-today-${w}`))

  await managerPage.goto(`/charges/${id}`)
  const detail = managerPage.getByTestId('detail-bill')
  await expect(detail).toHaveText(bill)
  await expectWordsWhole(managerPage, detail, runs, (w) => shot(`long-bill-detail-${w}`))
  // Its heading names the bill too, in its own face: broken the same way.
  const heading = managerPage.getByRole('heading', { level: 1 })
  await expect(heading).toContainText(bill)
  await expectWordsWhole(managerPage, heading, runs, (w) => shot(`long-bill-heading-${w}`))
})

/** The state on screen at each of the desk's sizes: `check` it, it fits, then its picture. */
async function atStaffSizes(page: Page, name: string, check: (width: number) => Promise<void>) {
  for (const [width, height] of STAFF_SIZES) {
    await page.setViewportSize({ width, height })
    await check(width)
    await expectFits(page)
    await expectNothingClipped(page)
    await page.screenshot({ path: shot(`${name}-${width}`), fullPage: true })
  }
}

/*
 * A switch closes the QR before it makes the other one, so the charge is cancel-requested while the
 * switch waits: the actions went with it, the pressed 改用支付宝 and its answer too, and the cashier
 * saw only 正在取消. Now the switch stays, disabled, saying it is under way; and when DMS does not
 * confirm the close, its refusal is said under it.
 */
test('a switch DMS does not let close: the refusal in Chinese under the disabled switch, at three sizes', async ({
  cashierPage: page,
}) => {
  const desk = new FrontDesk(page)
  await desk.charge(uniqueBill('SWFAIL'), '45.00', 'SCAN_WEIXIN')
  await expect(desk.qr()).toBeVisible()
  await sandbox.addFault({ endpoint: 'close', mode: 'errcode', errCode: 1004, times: 1 })
  await page.getByTestId('charge-switch').click()
  await atStaffSizes(page, 'switch-refused', async () => {
    await expect(page.getByTestId('charge-action-error')).toHaveText(
      'DMS 还没有确认关闭当前收款码，所以没有切换。系统会继续关闭它，关闭后请按“重新收款”并选择支付方式；顾客若已用原码付款，本页会显示已收款。',
    )
    await expect(page.getByTestId('charge-switch')).toBeDisabled()
    await expect(page.getByTestId('charge-switch')).toHaveText(/^\W*支?改用支付宝$/)
    await expect(page.getByTestId('charge-stage')).toHaveAttribute('data-look', 'cancelling')
    await expect(page.getByTestId('charge-cancel')).toHaveCount(0)
  })
  // What the refusal promises: the close is sent again by itself, and 重新收款 is the way on.
  await expect(page.getByTestId('charge-retry')).toBeVisible({ timeout: 30_000 })
  await expect(desk.qr()).toHaveCount(0)
})

/*
 * The switch closes the old QR before it makes the new one, so for that moment the charge is
 * cancel-requested; the stage read 正在取消, as if the charge were being cancelled for good. It now
 * says the switch (as the pressed button does), the old QR closing. DMS takes its time over each
 * close (under the app's 3 s limit), one switch at each of the desk's sizes, back and forth.
 */
test('while a switch closes the old QR, the stage says it is switching, not cancelling, at three sizes', async ({
  cashierPage: page,
}) => {
  const desk = new FrontDesk(page)
  const stage = page.getByTestId('charge-stage')
  const bill = uniqueBill('SWLOOK')
  await desk.charge(bill, '45.00', 'SCAN_WEIXIN')
  await expect(desk.qr()).toBeVisible()
  const ways = ['支付宝', '微信支付', '支付宝'] as const
  for (const [i, [width, height]] of STAFF_SIZES.entries()) {
    const way = ways[i]!
    await page.setViewportSize({ width, height })
    await chargeIdOf(page)
    const before = page.url()
    await sandbox.addFault({ endpoint: 'close', mode: 'latency', latencyMs: 2_500, times: 1 })
    await page.getByTestId('charge-switch').click()
    await expect(stage).toHaveAttribute('data-look', 'switching')
    await expect(stage).toContainText(`正在改用${way}…`)
    await expect(stage).toContainText('正在关闭原来的收款码')
    await expect(stage).not.toContainText('正在取消')
    await expect(desk.status()).toContainText(`正在改用${way}…`)
    await expect(page.getByTestId('charge-switch')).toHaveText(
      new RegExp(`^\\W*支?正在改用${way}…$`),
    )
    await page.screenshot({ path: shot(`switching-stage-${width}`), fullPage: true })
    // Then the other way's QR, on the next charge's screen.
    await expect(page).not.toHaveURL(before, { timeout: 20_000 })
    await expect(stage).toHaveAttribute('data-look', 'waiting')
    await expect(desk.qr()).toBeVisible()
  }
  const orders = await sandbox.ordersForBill(bill)
  expect(orders.map((o) => o.payWay).sort()).toEqual([
    'SCAN_ALIPAY',
    'SCAN_ALIPAY',
    'SCAN_WEIXIN',
    'SCAN_WEIXIN',
  ])
})

/** Holds the screen's next action (a POST to the charge's page) until the returned release is called. */
async function holdNextAction(page: Page) {
  const url = new URL(page.url()).pathname
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let held = 0
  await page.route(`**${url}`, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    held += 1
    await released
    await route.fallback()
  })
  return {
    held: () => held,
    release: async () => {
      release()
      await page.unroute(`**${url}`)
    },
  }
}

test('while a switch or a cancel is on its way, its button says so and nothing can be pressed, at three sizes', async ({
  cashierPage: page,
}) => {
  const desk = new FrontDesk(page)
  const bill = uniqueBill('BUSY')
  await desk.charge(bill, '45.00', 'SCAN_WEIXIN')
  await expect(desk.qr()).toBeVisible()
  // The page's address, which the switch posts to: /charge/<id> just after the QR is drawn.
  await chargeIdOf(page)
  const first = page.url()
  const switchHold = await holdNextAction(page)
  await page.getByTestId('charge-switch').click()
  await atStaffSizes(page, 'switching', async () => {
    await expect(page.getByTestId('charge-switch')).toBeDisabled()
    await expect(page.getByTestId('charge-switch')).toHaveText(/^\W*支?正在改用支付宝…$/)
    await expect(page.getByTestId('charge-cancel')).toBeDisabled()
    await expect(desk.qr(), 'the QR stays until the switch is done').toBeVisible()
  })
  expect(switchHold.held(), 'the switch was sent and held').toBe(1)
  await switchHold.release()
  await expect(page).not.toHaveURL(first, { timeout: 20_000 })
  await expect(desk.qr()).toBeVisible()
  const orders = await sandbox.ordersForBill(bill)
  expect(orders.map((o) => o.payWay).sort()).toEqual(['SCAN_ALIPAY', 'SCAN_WEIXIN'])

  const cancelHold = await holdNextAction(page)
  await cancelOnChargeScreen(page)
  await atStaffSizes(page, 'cancel-sent', async () => {
    await expect(page.getByTestId('charge-cancel-confirm')).toBeDisabled()
    await expect(page.getByTestId('charge-cancel-confirm')).toHaveText('正在取消…')
    await expect(page.getByTestId('charge-cancel-keep')).toBeDisabled()
    await expect(page.getByTestId('charge-switch')).toBeDisabled()
    await expect(page.getByTestId('charge-switch')).toHaveText(/^\W*支?改用微信支付$/)
  })
  expect(cancelHold.held(), 'the cancel was sent and held').toBe(1)
  await cancelHold.release()
  await desk.expectStatus('closed')
})
