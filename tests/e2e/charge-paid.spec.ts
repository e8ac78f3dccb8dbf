import { chargeIdOf, FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { decodeQr } from './support/qr'
import { createRequestsFor, sandbox, uniqueBill } from './support/sandbox'
import { readySandbox } from './support/own-station'
import { cancelOnChargeScreen } from './support/cancel-charge'
import { takePayment } from './support/charges'

// Each test charges the sandbox's one payer; lift the network's 10-a-day rule for the suite.
test.beforeAll(readySandbox)
// Also when a test fails halfway: a fault left behind would fail the tests after it.
test.afterEach(async () => {
  await sandbox.clearFaults()
})

for (const [way, label] of [
  ['SCAN_WEIXIN', 'WeChat'],
  ['SCAN_ALIPAY', 'Alipay'],
] as const) {
  test(`a ${label} payment goes from bill to paid`, async ({ cashierPage }) => {
    const desk = new FrontDesk(cashierPage)
    const bill = uniqueBill(label.toUpperCase())
    await desk.charge(bill, '128.5', way)

    await expect(desk.qr()).toBeVisible()
    await desk.expectStatus('pending')
    await expect(cashierPage.getByTestId('charge-amount')).toHaveText('¥128.50')
    const [order] = await sandbox.waitForOrders(bill)
    expect(order!.amount).toBe(12850)
    expect(order!.payWay).toBe(way)
    // The QR on screen, read from its pixels, is exactly DMS's payInfo.
    expect(await decodeQr(desk.qr())).toBe(order!.payInfo)

    await sandbox.scan(order!.bizOrderNo)
    await desk.expectStatus('paying')
    await sandbox.pay(order!.bizOrderNo)
    await desk.expectStatus('paid')
    await expect(cashierPage.getByText('已收款').first()).toBeVisible()
    expect(await createRequestsFor(bill)).toHaveLength(1)
  })
}

test('a failed payment shows DMS’s message and what to do', async ({ cashierPage }) => {
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('FAIL')
  await desk.charge(bill, '66.00')
  await expect(desk.qr()).toBeVisible()
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.fail(order!.bizOrderNo, '付款人余额不足')
  await desk.expectStatus('failed')
  await expect(desk.error()).toContainText('付款人余额不足')
  await expect(cashierPage.getByTestId('charge-retry')).toBeVisible()
})

test('cancel closes the QR at DMS', async ({ cashierPage }) => {
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('CANCEL')
  await desk.charge(bill, '10')
  await expect(desk.qr()).toBeVisible()
  await cancelOnChargeScreen(cashierPage)
  await desk.expectStatus('closed')
  const [order] = await sandbox.ordersForBill(bill)
  expect(order!.orderStatus).toBe(6)
})

test('a payment that beats the cancel is paid and flagged', async ({ cashierPage }) => {
  await takePayment(cashierPage, uniqueBill('RACE'), '88.80', 'paid-after-cancel')
  await expect(cashierPage.getByTestId('paid-after-cancel')).toBeVisible()
})

test('switching to Alipay closes the WeChat QR first, then shows a new one', async ({
  cashierPage,
}) => {
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('SWITCH')
  await desk.charge(bill, '45.00', 'SCAN_WEIXIN')
  await expect(desk.qr()).toBeVisible()
  const [first] = await sandbox.waitForOrders(bill)
  await chargeIdOf(cashierPage)
  const firstUrl = cashierPage.url()
  await cashierPage.getByTestId('charge-switch').click()
  const orders = await sandbox.waitForOrders(bill, { count: 2 })
  await expect(cashierPage).not.toHaveURL(firstUrl)
  await expect(desk.qr()).toBeVisible()
  expect(await decodeQr(desk.qr())).toBe(orders[0]!.payInfo)
  expect(orders[0]!.payWay).toBe('SCAN_ALIPAY')
  expect((await sandbox.order(first!.bizOrderNo)).orderStatus).toBe(6)
})

/*
 * A browser drops a session cookie once it expires. The switch then reaches the action with no
 * session at all: before, the proxy answered it with a redirect to the login page, which the
 * page's script cannot read, and the cashier got Next's English "This page couldn't load".
 */
test('a switch after the session cookie expired says 登录已过期 on the charge screen, nothing changes', async ({
  cashierPage,
}) => {
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('EXPIRED')
  await desk.charge(bill, '12.00', 'SCAN_WEIXIN')
  await expect(desk.qr()).toBeVisible()
  await chargeIdOf(cashierPage)
  const session = (await cashierPage.context().cookies()).filter((c) =>
    c.name.includes('session-token'),
  )
  expect(session.length, 'the signed-in page holds a session cookie').toBeGreaterThan(0)
  for (const c of session) await cashierPage.context().clearCookies({ name: c.name })

  await cashierPage.getByTestId('charge-switch').click()
  await expect(cashierPage.getByTestId('charge-action-error')).toHaveText(
    '登录已过期，请重新登录后再操作。',
  )
  await expect(desk.qr()).toBeVisible()
  const orders = await sandbox.ordersForBill(bill)
  expect(orders.map((o) => [o.payWay, o.orderStatus])).toEqual([['SCAN_WEIXIN', 1]])
})

test('an action whose answer the network drops shows the staff error card in Chinese; 重试 brings the charge back', async ({
  cashierPage,
}) => {
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('NETDROP')
  await desk.charge(bill, '13.00', 'SCAN_WEIXIN')
  await expect(desk.qr()).toBeVisible()
  const id = await chargeIdOf(cashierPage)
  let dropped = 0
  await cashierPage.route(`**/charge/${id}`, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    dropped += 1
    await route.abort('connectionreset')
  })
  await cashierPage.getByTestId('charge-switch').click()
  const card = cashierPage.getByTestId('staff-error')
  await expect(card).toContainText('这一步没有完成')
  await expect(card).toContainText('已记录的收款不会丢失')
  expect(dropped, 'the switch was sent and dropped').toBeGreaterThan(0)
  await expect(cashierPage.getByText("This page couldn't load")).toHaveCount(0)

  await cashierPage.unroute(`**/charge/${id}`)
  await cashierPage.getByTestId('staff-error-retry').click()
  await expect(desk.qr()).toBeVisible()
  await expect(card).toHaveCount(0)
})
