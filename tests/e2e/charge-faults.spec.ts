import { FrontDesk } from './support/charge-page'
import { expect, test } from './support/fixtures'
import { createRequestsFor, sandbox, uniqueBill } from './support/sandbox'

test.beforeAll(async () => {
  await sandbox.settings({ payerDailyLimit: 100_000 })
})
test.afterEach(async () => {
  await sandbox.clearFaults()
})

test('a create that hangs is unknown, then reconciled to DMS’s truth without a second create', async ({
  cashierPage,
}) => {
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('HANG')
  await sandbox.addFault({ endpoint: 'payment', mode: 'hang-after-record', times: 1 })
  // Status queries hang too, so the unknown state stays on screen long enough to be seen.
  await sandbox.addFault({ endpoint: 'query', mode: 'hang' })
  await desk.open()
  await desk.fill(bill, '99.00')
  await cashierPage.getByTestId('charge-submit').click()
  await desk.expectStatus('unknown')
  await expect(desk.error()).toContainText('正在向 DMS 核实')
  // DMS had recorded the order, and the customer paid it; the answer never reached the cashier.
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.pay(order!.bizOrderNo)
  await sandbox.clearFaults()
  await desk.expectStatus('paid', 20_000)
  expect(await createRequestsFor(bill)).toHaveLength(1)
})

test('an HTML error page from DMS becomes a clear error and the record is kept', async ({
  cashierPage,
}) => {
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('H500')
  await sandbox.addFault({ endpoint: 'payment', mode: 'html500', times: 1 })
  await desk.charge(bill, '12.00')
  await desk.expectStatus('failed', 20_000)
  await expect(desk.error()).toContainText('DMS')
  await cashierPage.goto('/charge/today')
  await expect(cashierPage.getByTestId('today-row').filter({ hasText: bill })).toBeVisible()
})

test('a DMS error code becomes a sentence saying what to do', async ({ cashierPage }) => {
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('E2007')
  await sandbox.addFault({
    endpoint: 'payment',
    mode: 'errcode',
    errCode: 2007,
    errMsg: '付款会员当日支付笔数超限',
    times: 1,
  })
  await desk.charge(bill, '12.00')
  await desk.expectStatus('failed')
  await expect(desk.error()).toContainText('店长')
})

test('ten screens watching one charge make one DMS query per interval', async ({ cashierPage }) => {
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('TEN')
  await desk.charge(bill, '5.00')
  await expect(desk.qr()).toBeVisible()
  const [order] = await sandbox.waitForOrders(bill)
  const url = cashierPage.url()
  const screens = await Promise.all(
    Array.from({ length: 9 }, async () => {
      const p = await cashierPage.context().newPage()
      await p.goto(url)
      return p
    }),
  )
  await cashierPage.waitForTimeout(1_500)
  const before = await sandbox.requests({ path: '/dms/cash-out/query' })
  const since = before.at(-1)?.seq ?? 0
  const windowMs = 6_000
  await cashierPage.waitForTimeout(windowMs)
  const queries = (await sandbox.requests({ path: '/dms/cash-out/query', since })).filter(
    (r) => r.params.biz_order_no === order!.bizOrderNo,
  )
  // Interval is 1 s in the test server: at most one per interval, whatever the number of screens.
  expect(queries.length).toBeGreaterThan(2)
  expect(queries.length).toBeLessThanOrEqual(windowMs / 1000 + 1)
  await Promise.all(screens.map((p) => p.close()))
})
