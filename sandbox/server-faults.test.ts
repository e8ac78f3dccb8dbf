import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { paymentParams, startSandbox, type Started } from '@/tests/support/sandbox-http'

const PAYMENT = '/dms/cash-out/payment'
const QUERY = '/dms/cash-out/query'

let sb: Started

/** Which of the requests answered first: an ordering, whatever the machine's speed. */
async function order(requests: Record<string, Promise<unknown>>): Promise<string[]> {
  const done: string[] = []
  await Promise.all(Object.entries(requests).map(([name, p]) => p.then(() => done.push(name))))
  return done
}

beforeEach(async () => {
  sb = await startSandbox()
})
afterEach(() => sb.sandbox.close())

describe('fault modes', () => {
  it('latency delays the answer, per endpoint', async () => {
    await sb.control.addFault({ endpoint: 'payment', mode: 'latency', latencyMs: 500 })
    const t = Date.now()
    const payment = sb.dms(PAYMENT, paymentParams())
    // Sent after the payment, answered before it: the query endpoint has no latency.
    expect(await order({ payment, query: sb.dms(QUERY, { bz_order: 'BILL-1' }) })).toEqual([
      'query',
      'payment',
    ])
    expect((await payment).body?.errCode).toBe(1000)
    expect(Date.now() - t).toBeGreaterThanOrEqual(490)
  })

  it('the latency shorthand applies to every endpoint, and 0 removes it', async () => {
    await sb.control.latency(150)
    const t = Date.now()
    await sb.dms('/fin-account/biz-user')
    expect(Date.now() - t).toBeGreaterThanOrEqual(140)
    expect(await sb.control.latency(0)).toEqual([])
    // Without it, a call sent after one delayed by a rule of its own comes back first.
    await sb.control.addFault({ endpoint: 'payment', mode: 'latency', latencyMs: 500 })
    const slow = sb.dms(PAYMENT, paymentParams())
    expect(await order({ slow, plain: sb.dms('/fin-account/biz-user') })).toEqual(['plain', 'slow'])
  })

  it('html500 answers an HTML error page and records nothing', async () => {
    await sb.control.addFault({ endpoint: 'payment', mode: 'html500' })
    const r = await sb.dms(PAYMENT, paymentParams())
    expect(r.status).toBe(500)
    expect(r.contentType).toContain('text/html')
    expect(r.text).toContain('Internal Server Error')
    expect(await sb.control.orders()).toEqual([])
  })

  it('http502 answers the nginx page; http503 the framework JSON error', async () => {
    await sb.control.addFault({ endpoint: 'query', mode: 'http502', times: 1 })
    await sb.control.addFault({ endpoint: 'query', mode: 'http503', times: 1 })
    const a = await sb.dms(QUERY, { bz_order: 'X' })
    expect([a.status, a.text.includes('502 Bad Gateway')]).toEqual([502, true])
    const b = await sb.dms(QUERY, { bz_order: 'X' })
    expect(b.status).toBe(503)
    expect(b.body).toMatchObject({ name: 'Service Unavailable', status: 503 })
    expect((await sb.dms(QUERY, { bz_order: 'X' })).body?.errCode).toBe(2008)
  })

  it('garbage answers 200 with a body that is not JSON', async () => {
    await sb.control.addFault({ mode: 'garbage' })
    const r = await sb.dms(QUERY, { bz_order: 'X' })
    expect(r.status).toBe(200)
    expect(r.contentType).toContain('application/json')
    expect(r.body).toBeUndefined()
  })

  it('truncated records the order but cuts the JSON answer', async () => {
    await sb.control.addFault({ endpoint: 'payment', mode: 'truncated' })
    const r = await sb.dms(PAYMENT, paymentParams())
    expect(r.status).toBe(200)
    expect(r.body).toBeUndefined()
    expect(r.text.startsWith('{"errCode":1000')).toBe(true)
    expect(await sb.control.orders()).toHaveLength(1)
  })

  it('hang never answers: the client has to give up', async () => {
    await sb.control.addFault({ endpoint: 'payment', mode: 'hang' })
    const t = Date.now()
    await expect(
      sb.dms(PAYMENT, paymentParams(), { signal: AbortSignal.timeout(400) }),
    ).rejects.toThrow()
    expect(Date.now() - t).toBeGreaterThanOrEqual(390)
    expect(await sb.control.orders()).toEqual([])
    const [entry] = await sb.control.requests({ path: PAYMENT })
    expect(entry).toMatchObject({ httpStatus: 0, fault: 'hang' })
  })

  it('hang-after-record records the attempt, then never answers', async () => {
    await sb.control.addFault({ mode: 'hang-after-record', times: 1 })
    await expect(
      sb.dms(PAYMENT, paymentParams(), { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow()
    const orders = await sb.control.ordersForBill('BILL-1')
    expect(orders).toHaveLength(1)
    // The cashier's recovery path: query by bill finds the attempt it never heard about.
    const q = await sb.dms(QUERY, { bz_order: 'BILL-1' })
    expect((q.body?.data as { bizOrderNo: string }).bizOrderNo).toBe(orders[0]?.bizOrderNo)
  })

  it('pay-fail answers the create payStatus "fail" with no QR; the attempt is failed, once', async () => {
    await sb.control.addFault({ mode: 'pay-fail', errMsg: '商户号状态异常', times: 1 })
    const r = await sb.dms(PAYMENT, paymentParams())
    const [order] = await sb.control.ordersForBill('BILL-1')
    expect(r.body).toMatchObject({
      errCode: 1000,
      data: {
        payStatus: 'fail',
        payFailMessage: '商户号状态异常',
        payInfo: '',
        bizOrderNo: order?.bizOrderNo,
      },
    })
    // A query finds it failed in the same words; the next create is an ordinary QR again.
    const q = await sb.dms(QUERY, { biz_order_no: order!.bizOrderNo })
    expect(q.body?.data).toMatchObject({ orderStatus: 3, errorMessage: '商户号状态异常' })
    const next = await sb.dms(PAYMENT, paymentParams({ bz_order: 'BILL-2' }))
    expect(next.body?.data).toMatchObject({ payStatus: '' })
  })

  it('other-order answers a query with the newest attempt not asked about', async () => {
    await sb.dms(PAYMENT, paymentParams({ bz_order: 'BILL-1' }))
    await sb.dms(PAYMENT, paymentParams({ bz_order: 'BILL-2' }))
    const [first] = await sb.control.ordersForBill('BILL-1')
    const [second] = await sb.control.ordersForBill('BILL-2')
    await sb.control.pay(first!.bizOrderNo)
    await sb.control.addFault({ mode: 'other-order', times: 3 })
    // By attempt: the newest other one; by bill: the newest of another bill.
    const byAttempt = await sb.dms(QUERY, { biz_order_no: second!.bizOrderNo })
    expect(byAttempt.body?.data).toMatchObject({ bizOrderNo: first!.bizOrderNo, orderStatus: 4 })
    const byOther = await sb.dms(QUERY, { biz_order_no: first!.bizOrderNo })
    expect(byOther.body?.data).toMatchObject({ bizOrderNo: second!.bizOrderNo, orderStatus: 1 })
    const byBill = await sb.dms(QUERY, { bz_order: 'BILL-2' })
    expect(byBill.body?.data).toMatchObject({ bz_order: 'BILL-1', orderStatus: 4 })
    // Used up: the next query is answered about what it asked.
    const honest = await sb.dms(QUERY, { bz_order: 'BILL-2' })
    expect(honest.body?.data).toMatchObject({ bizOrderNo: second!.bizOrderNo, bz_order: 'BILL-2' })
  })

  it('reset drops the connection after reading the request', async () => {
    await sb.control.addFault({ endpoint: 'biz-user', mode: 'reset', times: 1 })
    await expect(sb.dms('/fin-account/biz-user')).rejects.toThrow()
    expect((await sb.dms('/fin-account/biz-user')).body?.errCode).toBe(1000)
  })

  it.each([1004, 1500])('errcode answers the envelope with %i', async (code) => {
    await sb.control.addFault({ endpoint: '*', mode: 'errcode', errCode: code })
    const r = await sb.dms(PAYMENT, paymentParams())
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ errCode: code, data: [] })
    expect(r.body?.errMsg).toMatch(/请稍后再试/)
  })

  it('errcode carries a custom message; faults come before the token check', async () => {
    await sb.control.addFault({ mode: 'errcode', errCode: 3000, errMsg: '通联：商户号状态异常' })
    const r = await sb.dms(QUERY, { bz_order: 'X' }, { token: 'wrong' })
    expect(r.body).toEqual({ errCode: 3000, errMsg: '通联：商户号状态异常', data: [] })
  })

  it('times limits a rule; DELETE clears them all', async () => {
    await sb.control.addFault({ endpoint: 'query', mode: 'html500', times: 2 })
    await sb.control.addFault({ endpoint: 'close', mode: 'http502' })
    expect((await sb.dms(QUERY, { bz_order: 'X' })).status).toBe(500)
    expect((await sb.control.faults()).map((f) => f.remaining)).toEqual([1, null])
    expect((await sb.dms(QUERY, { bz_order: 'X' })).status).toBe(500)
    expect((await sb.dms(QUERY, { bz_order: 'X' })).status).toBe(200)
    await sb.control.clearFaults()
    expect(await sb.control.faults()).toEqual([])
    expect((await sb.dms('/dms/cash-out/close', { biz_order_no: 'X' })).status).toBe(200)
  })

  it('refuses a bad rule with 400', async () => {
    await expect(sb.control.addFault({ mode: 'nope' } as never)).rejects.toMatchObject({
      status: 400,
    })
  })

  it('close() does not wait for hanging requests', async () => {
    await sb.control.addFault({ mode: 'hang' })
    const pending = sb.dms(QUERY, { bz_order: 'X' }).catch((e: unknown) => e)
    await new Promise((r) => setTimeout(r, 50))
    // The hang never ends by itself: close() returning at all, and the request failing, is the proof.
    await sb.sandbox.close()
    expect(await pending).toBeInstanceOf(Error)
  })
})
