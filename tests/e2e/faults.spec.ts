import type { FaultRuleInput } from '@/sandbox/types'
import { chargeIdOf, FrontDesk } from './support/charge-page'
import { expectOnTodayList } from './support/charges'
import { expect, test } from './support/fixtures'
import { suiteFigures } from './support/figures'
import { createRequestsFor, sandbox, uniqueBill } from './support/sandbox'

/*
 * What a cashier sees when DMS answers a create badly: a sentence saying what happened and what to
 * do, the charge kept in today's list, and never a second create. The long version, with every fault
 * and a SIGKILL, is `npm run faults`.
 */

const figure = suiteFigures('DMS faults at the front desk')

test.beforeAll(async () => {
  await sandbox.settings({ payerDailyLimit: 100_000 })
})
test.afterEach(async () => {
  await sandbox.clearFaults()
  await sandbox.setNotify({})
})

async function expectKept(desk: FrontDesk, bill: string, takenAt: number) {
  expect(await createRequestsFor(bill)).toHaveLength(1)
  await expectOnTodayList(desk.page, bill, takenAt)
}

const FAILED_CREATES: { name: string; rule: FaultRuleInput; says: RegExp }[] = [
  {
    name: 'a 502 page from the proxy',
    rule: { mode: 'http502' },
    says: /无法连接 DMS.*请稍后重试/s,
  },
  {
    name: 'a 503 framework JSON error',
    rule: { mode: 'http503' },
    says: /无法连接 DMS.*请稍后重试/s,
  },
  {
    name: 'a PHP fatal error (garbage)',
    rule: { mode: 'garbage' },
    says: /无法连接 DMS.*请稍后重试/s,
  },
  {
    name: 'rate limiting (1004)',
    rule: { mode: 'errcode', errCode: 1004, errMsg: '请求过于频繁' },
    says: /请求过于频繁.*请稍等一分钟再试.*1004/s,
  },
]

for (const c of FAILED_CREATES) {
  test(`${c.name} on create: a clear error, the record kept`, async ({ cashierPage }) => {
    const desk = new FrontDesk(cashierPage)
    const bill = uniqueBill('FLT')
    await sandbox.addFault({ endpoint: 'payment', times: 1, ...c.rule })
    const takenAt = Date.now()
    await desk.charge(bill, '12.00')
    await desk.expectStatus('failed', 20_000)
    await expect(desk.error()).toHaveText(c.says)
    await expectKept(desk, bill, takenAt)
    figure(`${c.name}: failed with a sentence saying what to do, 1 create at DMS, charge kept`)
  })
}

test('a truncated answer to a create: checked with DMS, the QR nobody saw is closed', async ({
  cashierPage,
}) => {
  const desk = new FrontDesk(cashierPage)
  const bill = uniqueBill('TRUNC')
  await sandbox.addFault({ endpoint: 'payment', mode: 'truncated', times: 1 })
  // Queries hang for a while, so the "checking" state stays on screen long enough to be read.
  await sandbox.addFault({ endpoint: 'query', mode: 'hang' })
  const takenAt = Date.now()
  await desk.charge(bill, '12.00')
  await desk.expectStatus('unknown')
  await expect(desk.error()).toContainText('正在向 DMS 核实')
  await expect(desk.error()).toContainText('不要重复收款')
  await sandbox.clearFaults()
  // DMS had made the QR, but its content never reached the screen: nobody can pay it, so it is closed.
  await desk.expectStatus('closed', 20_000)
  const [order] = await sandbox.waitForOrders(bill)
  expect(order!.orderStatus).toBe(6)
  await expectKept(desk, bill, takenAt)
  figure('truncated create answer: unknown → checked by query → closed at DMS, 1 create')
})

test('duplicated and reordered notifications: one paid each, no doubled timeline', async ({
  cashierPage,
  managerPage,
}) => {
  await sandbox.setNotify({ duplicate: true, reorder: true })
  const first = new FrontDesk(cashierPage)
  const second = new FrontDesk(await cashierPage.context().newPage())
  const bills = [uniqueBill('NTF'), uniqueBill('NTF')]
  await first.charge(bills[0]!, '8.00')
  await second.charge(bills[1]!, '9.00')
  await Promise.all([first.qr().waitFor(), second.qr().waitFor()])
  const [a] = await sandbox.waitForOrders(bills[0]!)
  const [b] = await sandbox.waitForOrders(bills[1]!)
  // The first payment's notification is held back and overtaken by the later one; each is sent
  // twice. (The exact order is not asserted: another test's charge closing meanwhile also overtakes.)
  await sandbox.pay(a!.bizOrderNo)
  await sandbox.pay(b!.bizOrderNo)
  await first.expectStatus('paid')
  await second.expectStatus('paid')
  const delivered = async () =>
    (await sandbox.notifications()).filter(
      (n) =>
        (n.bizOrderNo === a!.bizOrderNo || n.bizOrderNo === b!.bizOrderNo) &&
        n.outcome === 'sent' &&
        n.response === 'success',
    ).length
  await expect.poll(delivered).toBe(4)

  for (const desk of [first, second]) {
    const id = await chargeIdOf(desk.page)
    await managerPage.goto(`/charges/${id}`)
    await expect(managerPage.getByTestId('charge-status')).toHaveAttribute('data-status', 'paid')
    const types = await managerPage
      .getByTestId('timeline-event')
      .evaluateAll((events) => events.map((e) => e.getAttribute('data-type')))
    expect(types.filter((t) => t === 'paid')).toHaveLength(1)
    expect(new Set(types).size).toBe(types.length)
  }
  for (const bill of bills) expect(await createRequestsFor(bill)).toHaveLength(1)
  figure(
    'notifications duplicated and reordered: 4 delivered, 2 charges paid once each, 1 create each',
  )
})
