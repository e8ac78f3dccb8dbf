import { chargeIdOf, FrontDesk } from './support/charge-page'
import { expectWordsWhole } from './support/fits'
import { expect, test } from './support/quiet-server'
import { markDocument, sameDocument } from './support/same-document'
import { waitForHydration } from '@/tests/support/hydration'

/*
 * The manager's "check with DMS now", on a server whose sweep is out of the way: nothing but the
 * button can move the charge, so "paid" is the button's doing (on the shared server a 1 s sweep
 * would bring it whether or not the button worked).
 */

test.afterEach(async ({ quiet }) => {
  await quiet.sandbox.clearFaults()
  await quiet.sandbox.setNotify({})
})

test('re-checking an unknown charge moves it to what DMS says', async ({ browser, quiet }) => {
  const { sandbox } = quiet
  const cashier = await quiet.pageAs(browser, 'cashier')
  const manager = await quiet.pageAs(browser, 'manager')
  const bill = `RECHECK-${Date.now().toString(36).toUpperCase()}`
  // DMS records the create but its answer never arrives; its status queries fail at once (no
  // query left hanging in flight for the button's check to join).
  await sandbox.addFault({ endpoint: 'payment', mode: 'hang-after-record', times: 1 })
  await sandbox.addFault({ endpoint: 'query', mode: 'http502' })
  const desk = new FrontDesk(cashier)
  await desk.charge(bill, '77.00')
  await desk.expectStatus('unknown')
  const id = await chargeIdOf(cashier)
  await cashier.goto('/charge/new') // nobody watches the charge any more

  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.pay(order!.bizOrderNo)
  await manager.goto('/attention')
  await expect(manager.getByTestId('attention-row').filter({ hasText: bill })).toBeVisible()
  await manager.goto(`/charges/${id}`)
  await expect(manager.getByTestId('charge-status')).toHaveAttribute('data-status', 'unknown')
  // The unanswered create reads as a Chinese sentence, not the client's English note.
  const timeline = manager.getByTestId('timeline')
  await expect(
    timeline.locator('[data-testid=dms-system-text][data-kind=timeout]').first(),
  ).toContainText('秒内没有回答')
  await expect(timeline).not.toContainText('no answer within')
  await expect(manager.locator('main')).not.toContainText(/HTTP \d{3}/)
  await manager.screenshot({ path: 'screenshots/detail-unknown-words.png', fullPage: true })
  await sandbox.clearFaults()
  const answered = async () =>
    (await sandbox.requests({ path: '/dms/cash-out/query' })).filter(
      (r) => r.params.bz_order === bill && r.httpStatus === 200,
    ).length
  // Before the click, no check of this bill has had an answer: DMS's "paid" is still unknown here.
  expect(await answered()).toBe(0)

  await waitForHydration(manager.getByTestId('charge-recheck'))
  await manager.getByTestId('charge-recheck').click()
  await expect(manager.getByTestId('charge-status')).toHaveAttribute('data-status', 'paid')
  expect(await answered()).toBe(1)
  expect(
    (await sandbox.requests({ path: '/dms/cash-out/payment' })).filter(
      (r) => r.params.bz_order === bill,
    ),
  ).toHaveLength(1)
  await cashier.context().close()
  await manager.context().close()
})

test('the check is offered only while DMS can still change the charge', async ({
  browser,
  quiet,
}) => {
  const { sandbox } = quiet
  const cashier = await quiet.pageAs(browser, 'cashier')
  const manager = await quiet.pageAs(browser, 'manager')
  const stamp = Date.now().toString(36).toUpperCase()
  const desk = new FrontDesk(cashier)
  const check = manager.getByTestId('charge-recheck')

  // Turned down before any QR (a station setup refusal): DMS holds no order to ask about, so the
  // page offers nothing, not even a disabled button or an empty card.
  await sandbox.addFault({ endpoint: 'payment', mode: 'errcode', errCode: 2007, times: 1 })
  await desk.charge(`NOCHECK-${stamp}`, '12.00')
  await desk.expectStatus('refused')
  await manager.goto(`/charges/${await chargeIdOf(cashier)}`)
  await expect(manager.getByTestId('charge-status')).toHaveAttribute('data-status', 'refused')
  await expect(manager.getByTestId('timeline')).toBeVisible()
  await expect(check).toHaveCount(0)
  await expect(manager.getByTestId('recheck-result')).toHaveCount(0)
  await manager.screenshot({ path: 'screenshots/detail-refused-no-check.png', fullPage: true })

  // Paid stays checkable: DMS can still refund it, and the check is how the shop learns of it.
  const bill = `REFUND-${stamp}`
  await desk.charge(bill, '34.00')
  await desk.expectStatus('pending')
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.pay(order!.bizOrderNo)
  await desk.expectStatus('paid')
  await manager.goto(`/charges/${await chargeIdOf(cashier)}`)
  await expect(manager.getByTestId('charge-status')).toHaveAttribute('data-status', 'paid')
  await expect(check).toBeVisible()
  // The check's card says what it does (it held the button alone and read as unfinished).
  await expect(manager.getByTestId('recheck-explain')).toHaveText(
    '直接向 DMS 查询这笔收款现在的状态，并更新这里的记录，不必等 DMS 的通知。',
  )
  // The paper select as tall as 打印小票 beside it (44 px to its 56).
  const print = (await manager.getByTestId('print-receipt').boundingBox())!
  const paper = (await manager.getByTestId('receipt-paper').boundingBox())!
  expect(Math.round(paper.height)).toBe(Math.round(print.height))
  await manager.screenshot({ path: 'screenshots/detail-paid-check.png', fullPage: true })
  // DMS's notification of the refund is lost (it may never come): only the check can learn of it.
  await sandbox.setNotify({ drop: true })
  await sandbox.refund(order!.bizOrderNo)
  await waitForHydration(check)
  await check.click()
  await expect(manager.getByTestId('charge-status')).toHaveAttribute('data-status', 'refunded')
  await expect(manager.getByTestId('recheck-result')).toContainText('状态已更新')
  // Refunded is the end: nothing follows it, so after a reload the check is gone.
  await manager.reload()
  await expect(manager.getByTestId('charge-status')).toHaveAttribute('data-status', 'refunded')
  await expect(check).toHaveCount(0)
  await cashier.context().close()
  await manager.context().close()
})

/*
 * The race as a manager meets it: a paid charge's detail page is open, DMS's refund notification
 * lands meanwhile, and the manager clicks 立即向 DMS 核实. The check is refused (the charge has
 * ended), and the page shows 已退款 by itself, without a reload, saying what happened (before, it
 * still said 已收款 and told the manager to refresh).
 */
test('a check refused because the charge ended meanwhile shows the page as it is now', async ({
  browser,
  quiet,
}) => {
  const { sandbox } = quiet
  const cashier = await quiet.pageAs(browser, 'cashier')
  const manager = await quiet.pageAs(browser, 'manager')
  const bill = `RACE-${Date.now().toString(36).toUpperCase()}`
  const desk = new FrontDesk(cashier)
  await desk.charge(bill, '56.00')
  await desk.expectStatus('pending')
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.pay(order!.bizOrderNo)
  await desk.expectStatus('paid')
  const id = await chargeIdOf(cashier)
  await cashier.context().close()

  await manager.goto(`/charges/${id}`)
  const status = manager.getByTestId('charge-status')
  const check = manager.getByTestId('charge-recheck')
  await expect(status).toHaveAttribute('data-status', 'paid')
  await expect(check).toBeVisible()
  await markDocument(manager)

  await sandbox.refund(order!.bizOrderNo)
  // The notification reached the shop: the ledger says refunded, the open page still says paid.
  await expect
    .poll(async () => (await (await manager.request.get(`/api/charges/${id}`)).json()).status)
    .toBe('refunded')
  const told = (await sandbox.notifications()).filter(
    (n) => n.bizOrderNo === order!.bizOrderNo && n.orderStatus === '5',
  )
  expect(told.map((n) => [n.outcome, n.httpStatus])).toEqual([['sent', 200]])
  await expect(status).toHaveAttribute('data-status', 'paid')

  await waitForHydration(check)
  await check.click()
  const result = manager.getByTestId('recheck-result')
  await expect(result).toHaveText('这笔收款已结束（已退款），无需核实。页面已更新。')
  await expect(status).toHaveAttribute('data-status', 'refunded')
  await expect(check).toHaveCount(0)
  await expect(manager.getByTestId('print-receipt')).toHaveCount(0)
  expect(await sameDocument(manager), 'the refused check re-rendered the page, no reload').toBe(
    true,
  )
  // Its words whole: at 390 px 更新 broke as 更|新.
  await expectWordsWhole(
    manager,
    result,
    [/已退款/, /无需核实/, /页面已更新/],
    (width) => `screenshots/detail-ended-meanwhile-${width}.png`,
  )
  await manager.context().close()
})
