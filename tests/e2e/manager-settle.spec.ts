import type { Page } from '@playwright/test'
import type { SandboxControl } from '@/sandbox/control-client'
import { chargeIdOf, FrontDesk } from './support/charge-page'
import { STAFF_SIZES } from './support/fits'
import { addStation } from './support/own-station'
import { expect, test } from './support/quiet-server'
import { expectTimelineEndsAtLastDot } from './support/timeline'
import { markDocument, sameDocument } from './support/same-document'
import { waitForHydration } from '@/tests/support/hydration'

/*
 * The manager's way out for a stuck charge, and a receiving account per pay way, on the quiet server
 * (its sweep out of the way: only what a test does asks DMS about a charge).
 */

test.afterEach(async ({ quiet }) => {
  await quiet.sandbox.clearFaults()
})

const token = () => Date.now().toString(36).toUpperCase()

/**
 * A charge only a manager can end: DMS records the create but its answer is lost, and every status
 * query fails. Returns its id; the query fault stays until the test (or afterEach) clears it.
 */
async function stuckCharge(cashier: Page, sandbox: SandboxControl, bill: string, amount: string) {
  await sandbox.addFault({ endpoint: 'payment', mode: 'hang-after-record', times: 1 })
  await sandbox.addFault({ endpoint: 'query', mode: 'http502' })
  const desk = new FrontDesk(cashier)
  await desk.charge(bill, amount)
  await desk.expectStatus('unknown')
  return chargeIdOf(cashier)
}

test('a stuck charge DMS cannot confirm is settled "not charged", with its reason audited', async ({
  browser,
  quiet,
}) => {
  const { sandbox } = quiet
  const cashier = await quiet.pageAs(browser, 'cashier')
  const manager = await quiet.pageAs(browser, 'manager')
  const bill = `SETTLE-${token()}`
  const id = await stuckCharge(cashier, sandbox, bill, '66.00')
  await cashier.goto('/charge/new') // nobody watches the charge any more

  await manager.goto(`/charges/${id}`)
  const form = manager.getByTestId('settle-charge')
  await expect(form).toBeVisible()
  await waitForHydration(form)
  // 原因 follows the choices as closely as any two parts of the form follow each other (an empty
  // line for the choices' error stood between them), on every screen size.
  for (const [width, height] of STAFF_SIZES) {
    await manager.setViewportSize({ width, height })
    const gap = await form.evaluate((f) => {
      const choices = [...f.querySelectorAll('[data-testid=settle-outcome] label')]
      const lowest = Math.max(...choices.map((c) => c.getBoundingClientRect().bottom))
      return f.querySelector('label[for=settle-reason]')!.getBoundingClientRect().top - lowest
    })
    expect(gap, `the gap above 原因 at ${width}`).toBeLessThanOrEqual(17)
  }
  expect(await expectTimelineEndsAtLastDot(manager)).toBeGreaterThan(1)
  await form.getByTestId('settle-outcome').getByRole('radio', { name: '已付款' }).check()
  await expect(form.getByTestId('settle-order-no')).toBeVisible()
  await form.getByTestId('settle-order-no').fill('9007199254740993123')
  for (const [width, height] of STAFF_SIZES) {
    await manager.setViewportSize({ width, height })
    await form.scrollIntoViewIfNeeded()
    await manager.screenshot({ path: `screenshots/settle-form-${width}.png` })
  }
  await manager.setViewportSize({ width: 1280, height: 800 })

  // A reason is required; nothing is asked of DMS without one.
  const queries = async () =>
    (await sandbox.requests({ path: '/dms/cash-out/query' })).filter(
      (r) => r.params.bz_order === bill,
    ).length
  const before = await queries()
  await form.getByTestId('settle-outcome').getByRole('radio', { name: '没有扣款' }).check()
  await expect(form.getByTestId('settle-order-no')).toBeHidden()
  await manager.getByTestId('settle-submit').click()
  await expect(manager.getByTestId('field-error-reason')).toHaveText('请填写原因。')
  expect(await queries()).toBe(before)

  const reason = '顾客手机显示未扣款，DMS 后台查不到此单'
  await manager.getByTestId('settle-reason').fill(reason)
  await manager.getByTestId('settle-submit').click()
  await expect(manager.getByTestId('settle-result')).toContainText('记为没有扣款')
  await expect(manager.getByTestId('charge-status')).toHaveAttribute('data-status', 'closed')
  await expect(manager.getByTestId('settle-charge')).toHaveCount(0)
  // The settle asked DMS once more first (and it failed), then settled.
  expect(await queries()).toBe(before + 1)
  const event = manager.locator('[data-testid=timeline-event][data-type=manager-settled]')
  await expect(event).toHaveCount(1)
  await expect(event.getByTestId('timeline-settle')).toContainText(reason)
  await expect(event).toContainText('店长手动结清')
  expect(await expectTimelineEndsAtLastDot(manager)).toBeGreaterThan(2)

  const admin = await quiet.pageAs(browser, 'admin')
  await admin.goto('/admin/audit')
  const entry = admin.locator('[data-testid=audit-row][data-action="charge.settle"]').first()
  await expect(entry).toContainText('手动结清收款')
  await expect(entry).toContainText(bill)
  await expect(entry).toContainText('没有扣款')
  await expect(entry).toContainText(reason)
  await Promise.all([cashier, manager, admin].map((p) => p.context().close()))
})

/*
 * Two managers on one stuck charge: one's check finds it paid while the other has the settle form
 * open. The second one's settle is refused (it has a result), and the page shows it paid by itself,
 * the form gone, without a reload (before, it stayed unknown and said to refresh).
 */
test('a settle refused because DMS answered meanwhile shows the page as it is now', async ({
  browser,
  quiet,
}) => {
  const { sandbox } = quiet
  const cashier = await quiet.pageAs(browser, 'cashier')
  const manager = await quiet.pageAs(browser, 'manager')
  const bill = `SETTLED-${token()}`
  const id = await stuckCharge(cashier, sandbox, bill, '45.00')
  await cashier.context().close()

  await manager.goto(`/charges/${id}`)
  const status = manager.getByTestId('charge-status')
  await expect(status).toHaveAttribute('data-status', 'unknown')
  await markDocument(manager)
  await waitForHydration(manager.getByTestId('settle-charge'))
  await manager.getByTestId('settle-reason').fill('顾客说没有扣款')

  // DMS answers again, and the other manager's check finds the charge paid.
  await sandbox.clearFaults()
  const [order] = await sandbox.waitForOrders(bill)
  await sandbox.pay(order!.bizOrderNo)
  const other = await manager.context().newPage()
  await other.goto(`/charges/${id}`)
  await waitForHydration(other.getByTestId('charge-recheck'))
  await other.getByTestId('charge-recheck').click()
  await expect(other.getByTestId('charge-status')).toHaveAttribute('data-status', 'paid')
  await other.close()
  await expect(status).toHaveAttribute('data-status', 'unknown')

  await manager.getByTestId('settle-outcome').getByRole('radio', { name: '没有扣款' }).check()
  await manager.getByTestId('settle-submit').click()
  await expect(manager.getByTestId('settle-result')).toHaveText(
    '这笔收款已经有了结果（已收款），不需要手动结清。页面已更新。',
  )
  await expect(status).toHaveAttribute('data-status', 'paid')
  await expect(manager.getByTestId('settle-charge')).toHaveCount(0)
  expect(await sameDocument(manager), 'the refused settle re-rendered the page, no reload').toBe(
    true,
  )
  await expect(
    manager.locator('[data-testid=timeline-event][data-type=manager-settled]'),
  ).toHaveCount(0)
  await manager.context().close()
})

test('switching pay way charges the other pay way’s receiving account', async ({
  browser,
  quiet,
}) => {
  const { sandbox } = quiet
  const manager = await quiet.pageAs(browser, 'manager')
  const name = `分账-${token()}`
  await addStation(manager, name)
  const row = manager.getByTestId('station-row').filter({ hasText: name })
  const weixin = row.getByTestId('reciever_weixin_id')
  const alipay = row.getByTestId('reciever_alipay_id')
  // Each pay way offers only the verified accounts that take it: RCV-0002 is WeChat only.
  const values = (select: typeof weixin) =>
    select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
  await expect.poll(() => values(weixin)).toEqual(['', 'RCV-0001', 'RCV-0002'])
  expect(await values(alipay)).toEqual(['', 'RCV-0001'])
  await row.locator('select[name=payer_id]').selectOption('testtlzf')
  await weixin.selectOption('RCV-0002')
  await alipay.selectOption('RCV-0001')
  await row.getByTestId('save-accounts').click()
  await expect(row.getByTestId('accounts-saved')).toBeVisible()
  await row.screenshot({ path: 'screenshots/station-accounts-per-way.png' })
  await manager.context().close()

  const cashier = await quiet.pageAs(browser, 'cashier')
  const desk = new FrontDesk(cashier)
  const bill = `SWITCH-${token()}`
  await desk.charge(bill, '12.30', 'SCAN_WEIXIN', name)
  await desk.expectStatus('pending')
  await chargeIdOf(cashier)
  const first = cashier.url()
  await cashier.getByTestId('charge-switch').click()
  await expect(cashier).not.toHaveURL(first)
  await desk.expectStatus('pending')
  const creates = (await sandbox.requests({ path: '/dms/cash-out/payment' })).filter(
    (r) => r.params.bz_order === bill,
  )
  expect(creates.map((r) => [r.params.pay_way, r.params.reciever_id])).toEqual([
    ['SCAN_WEIXIN', 'RCV-0002'],
    ['SCAN_ALIPAY', 'RCV-0001'],
  ])
  await cashier.context().close()
})
