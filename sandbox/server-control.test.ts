import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  paymentParams,
  startSandbox,
  TOKEN,
  watchUntil,
  type Started,
} from '@/tests/support/sandbox-http'
import { sleep } from '@/tests/support/wait'

const PAYMENT = '/dms/cash-out/payment'

let sb: Started
beforeEach(async () => {
  sb = await startSandbox()
})
afterEach(() => sb.sandbox.close())

async function create(over: Record<string, unknown> = {}): Promise<string> {
  const r = await sb.dms(PAYMENT, paymentParams(over))
  return (r.body?.data as { bizOrderNo: string }).bizOrderNo
}

describe('control: orders', () => {
  it('lists all attempts newest first, one by number, and a bill’s attempts', async () => {
    const a = await create({ bz_order: 'A' })
    const b = await create({ bz_order: 'B' })
    const c = await create({ bz_order: 'A' })
    expect((await sb.control.orders()).map((o) => o.bizOrderNo)).toEqual([c, b, a])
    expect((await sb.control.ordersForBill('A')).map((o) => o.bizOrderNo)).toEqual([c, a])
    expect(await sb.control.order(b)).toMatchObject({
      bizOrderNo: b,
      bzOrder: 'B',
      amount: 12850,
      payWay: 'SCAN_WEIXIN',
      payerId: 'testtlzf',
      recieverId: 'RCV-0001',
      orderStatus: 1,
      payAt: null,
    })
    await expect(sb.control.order('0000')).rejects.toMatchObject({ status: 404 })
  })

  it('waits for a bill’s attempts to appear', async () => {
    const later = setTimeout(() => void create({ bz_order: 'LATE' }), 150)
    const [found] = await sb.control.waitForOrders('LATE', { timeoutMs: 2000 })
    expect(found?.bzOrder).toBe('LATE')
    clearTimeout(later)
    await expect(sb.control.waitForOrders('NEVER', { timeoutMs: 150 })).rejects.toThrow(/0 attempt/)
  })

  it('moves an attempt through its life, refusing impossible moves with 409', async () => {
    const no = await create()
    expect((await sb.control.scan(no)).orderStatus).toBe(99)
    await expect(sb.control.scan(no)).rejects.toMatchObject({ status: 409 })
    await expect(sb.control.refund(no)).rejects.toMatchObject({ status: 409 })
    const paid = await sb.control.pay(no)
    expect(paid.orderStatus).toBe(4)
    expect(paid.payAt).not.toBeNull()
    await expect(sb.control.close(no)).rejects.toMatchObject({ status: 409 })
    expect((await sb.control.refund(no)).orderStatus).toBe(5)
  })

  it('fails with a message, closes, expires', async () => {
    const failed = await sb.control.fail(await create({ bz_order: 'F' }), '付款方取消支付')
    expect(failed).toMatchObject({ orderStatus: 3, errorMessage: '付款方取消支付' })
    expect((await sb.control.close(await create({ bz_order: 'C' }))).orderStatus).toBe(6)
    const expired = await sb.control.expire(await create({ bz_order: 'E' }))
    expect(expired.orderStatus).toBe(6)
    const q = await sb.dms('/dms/cash-out/query', { bz_order: 'F' })
    expect(q.body?.data).toMatchObject({ orderStatus: 3, errorMessage: '付款方取消支付' })
  })

  it('404s a transition on an unknown order, 400s a bad body', async () => {
    await expect(sb.control.pay('nope')).rejects.toMatchObject({ status: 404 })
    const no = await create()
    const res = await fetch(`${sb.url}/__control/orders/${no}/fail`, { method: 'POST', body: '[1' })
    expect(res.status).toBe(400)
    const typed = await fetch(`${sb.url}/__control/orders/${no}/fail`, {
      method: 'POST',
      body: JSON.stringify({ message: 5 }),
    })
    expect(typed.status).toBe(400)
  })

  it('answers unknown control routes with JSON 404 and wrong methods with 405', async () => {
    expect((await fetch(`${sb.url}/__control/nothing`)).status).toBe(404)
    expect((await fetch(`${sb.url}/__control/reset`)).status).toBe(405)
    expect(await sb.control.health()).toEqual({ ok: true })
  })
})

describe('control: request log', () => {
  it('logs every DMS call with params, result and fault, never the token', async () => {
    await sb.control.addFault({ endpoint: 'query', mode: 'html500', times: 1 })
    await create()
    await sb.dms('/dms/cash-out/query', { bz_order: 'BILL-1' })
    await sb.dms('/dms/cash-out/query', { bz_order: 'BILL-1' }, { token: 'bad' })
    await sb.dms('/nope')
    await sb.control.orders()
    const log = await sb.control.requests()
    expect(log.map((e) => [e.seq, e.path, e.httpStatus, e.errCode, e.fault])).toEqual([
      [1, PAYMENT, 200, 1000, undefined],
      [2, '/dms/cash-out/query', 500, undefined, 'html500'],
      [3, '/dms/cash-out/query', 200, 1003, undefined],
      [4, '/nope', 404, undefined, undefined],
    ])
    expect(log[0]?.params).toEqual({
      bz_order: 'BILL-1',
      amount: '12850',
      pay_way: 'SCAN_WEIXIN',
      payer_id: 'testtlzf',
      reciever_id: 'RCV-0001',
    })
    expect(log[0]?.method).toBe('POST')
    expect(new Date(log[0]?.at ?? '').getTime()).toBeGreaterThan(0)
    expect(JSON.stringify(log)).not.toContain(TOKEN)
  })

  it('filters by since and path, and clears', async () => {
    await create()
    await sb.dms('/dms/cash-out/query', { bz_order: 'BILL-1' })
    await sb.dms('/dms/cash-out/query', { bz_order: 'BILL-1' })
    expect((await sb.control.requests({ since: 1 })).map((e) => e.seq)).toEqual([2, 3])
    expect(await sb.control.requests({ path: 'payment' })).toHaveLength(1)
    await sb.control.clearRequests()
    expect(await sb.control.requests()).toEqual([])
    await sb.dms('/fin-account/biz-user')
    expect((await sb.control.requests())[0]?.seq).toBe(4)
  })
})

describe('control: settings, auto-pay, reset', () => {
  it('reads and changes settings', async () => {
    expect(await sb.control.settings()).toEqual({ payerDailyLimit: 10 })
    expect(await sb.control.settings({ payerDailyLimit: 3 })).toEqual({ payerDailyLimit: 3 })
    await expect(sb.control.settings({ payerDailyLimit: -1 })).rejects.toMatchObject({
      status: 400,
    })
  })

  it('auto-pay plans each new QR within [minMs, maxMs]', async () => {
    await sb.control.autoPay({ enabled: true, minMs: 20_000, maxMs: 30_000 })
    for (const bill of ['A', 'B', 'C']) {
      const o = await sb.control.order(await create({ bz_order: bill }))
      const delay = Date.parse(o.autoPayAt ?? '') - Date.parse(o.createdAt)
      expect(delay).toBeGreaterThanOrEqual(20_000)
      expect(delay).toBeLessThanOrEqual(30_000)
    }
  })

  it('auto-pay scans, then pays', async () => {
    // With a fixed 1.5 s delay the scan comes at 1 s, the payment at 1.5 s: the order of the states
    // is asserted, and the payment's lower bound, never how soon a state is reached.
    await sb.control.autoPay({ enabled: true, minMs: 1_500, maxMs: 1_500 })
    const no = await create()
    const seen = await watchUntil(
      async () => (await sb.control.order(no)).orderStatus,
      (status) => status === 4,
    )
    expect(seen).toEqual([1, 99, 4])
    const order = await sb.control.order(no)
    expect(Date.parse(order.payAt!) - Date.parse(order.createdAt)).toBeGreaterThanOrEqual(1_400)
  })

  it('auto-pay leaves alone what the cashier closed, and stops when turned off', async () => {
    // 1.5 s: the close and the turning off must come before the payment's moment even on a loaded
    // machine (at 100 ms a slow create of B let its payment land first); then wait past it.
    await sb.control.autoPay({ enabled: true, minMs: 1_500, maxMs: 1_500 })
    const closed = await create({ bz_order: 'A' })
    await sb.dms('/dms/cash-out/close', { biz_order_no: closed })
    const pending = await create({ bz_order: 'B' })
    await sb.control.autoPay({ enabled: false })
    expect((await sb.control.order(pending)).autoPayAt).toBeNull()
    await sleep(1_700)
    expect((await sb.control.order(closed)).orderStatus).toBe(6)
    expect((await sb.control.order(pending)).orderStatus).toBe(1)
  })

  it('refuses maxMs below minMs', async () => {
    await expect(
      sb.control.autoPay({ enabled: true, minMs: 500, maxMs: 100 }),
    ).rejects.toMatchObject({
      status: 400,
    })
  })

  it('reset clears orders, faults, notify, auto-pay, log and daily counts', async () => {
    await sb.control.settings({ payerDailyLimit: 1 })
    const first = await create()
    await sb.control.addFault({ endpoint: 'close', mode: 'hang' })
    await sb.control.setNotify({ drop: true })
    await sb.control.autoPay({ enabled: true, minMs: 60_000, maxMs: 60_000 })
    await sb.control.reset()
    expect(await sb.control.orders()).toEqual([])
    expect(await sb.control.faults()).toEqual([])
    expect(await sb.control.requests()).toEqual([])
    expect(await sb.control.settings()).toEqual({ payerDailyLimit: 10 })
    expect(await sb.control.getNotify()).toEqual({
      drop: false,
      duplicate: false,
      delayMs: 0,
      reorder: false,
    })
    expect(await sb.control.getAutoPay()).toMatchObject({ enabled: false })
    const again = await create()
    expect(again).not.toBe(first)
  })
})
