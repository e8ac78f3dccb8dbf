import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  fakeClock,
  paymentParams,
  startSandbox,
  T0,
  type Started,
} from '@/tests/support/sandbox-http'

const PAYMENT = '/dms/cash-out/payment'
const QUERY = '/dms/cash-out/query'
const CLOSE = '/dms/cash-out/close'

let sb: Started
let clock: ReturnType<typeof fakeClock>

beforeEach(async () => {
  clock = fakeClock()
  sb = await startSandbox({ now: clock.now })
})
afterEach(() => sb.sandbox.close())

async function create(over: Record<string, unknown> = {}) {
  const r = await sb.dms(PAYMENT, paymentParams(over))
  expect(r.body?.errCode).toBe(1000)
  return r.body?.data as { bizOrderNo: string; orderNo: string; payInfo: string }
}

describe('A. create payment', () => {
  it('answers the doc example shape with a new attempt', async () => {
    const r = await sb.dms(PAYMENT, paymentParams())
    expect(r.status).toBe(200)
    expect(r.contentType).toContain('application/json')
    expect(r.body?.errMsg).toBe('请求成功')
    const data = r.body?.data as Record<string, unknown>
    expect(Object.keys(data)).toEqual([
      'weChatAPPInfo',
      'validateType',
      'orderNo',
      'payFailMessage',
      'tradeNo',
      'payCode',
      'extendInfo',
      'payStatus',
      'payInfo',
      'bizUserId',
      'bizOrderNo',
    ])
    expect(data).toMatchObject({
      weChatAPPInfo: [],
      validateType: 0,
      payStatus: '',
      bizUserId: 'testtlzf',
    })
    expect(data.bizOrderNo).toMatch(/^20261125\d{8}$/)
    expect(data.orderNo).toMatch(/^\d{19}$/)
    // The raw text keeps the id as a string: a JSON number would lose digits above 2^53.
    expect(r.text).toContain(`"orderNo":"${String(data.orderNo)}"`)
    expect(data.payInfo).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=[A-Za-z0-9]{7}$/)
  })

  it('accepts a JSON body, and gives Alipay QR content for SCAN_ALIPAY', async () => {
    const r = await sb.dms(PAYMENT, paymentParams({ pay_way: 'SCAN_ALIPAY' }), { json: true })
    expect((r.body?.data as { payInfo: string }).payInfo).toMatch(
      /^https:\/\/qr\.alipay\.com\/bax[a-z0-9]{22}$/,
    )
  })

  it('creates a new attempt on every call (a double create is visible)', async () => {
    const a = await create()
    const b = await create()
    expect(a.bizOrderNo).not.toBe(b.bizOrderNo)
    expect(await sb.control.ordersForBill('BILL-1')).toHaveLength(2)
  })
})

describe('B, C. accounts', () => {
  it('returns the payer', async () => {
    const r = await sb.dms('/fin-account/biz-user')
    expect(r.body).toEqual({
      errCode: 1000,
      errMsg: '请求成功',
      data: { biz_user_id: 'testtlzf', name: '测试付款会员', member_type: 2, status: 1 },
    })
  })

  it('returns the receivers', async () => {
    const r = await sb.dms('/dms/payment/get-pay-way-tonglian')
    const data = r.body?.data as Array<{ id: string; status: number; pay_ways: string[] }>
    expect(data.map((x) => [x.id, x.status, x.pay_ways.length])).toEqual([
      ['RCV-0001', 1, 2],
      ['RCV-0002', 1, 1],
      ['RCV-0003', 0, 2],
    ])
  })
})

describe('D. query', () => {
  it('finds an attempt by biz_order_no and the latest by bz_order', async () => {
    const a = await create()
    const b = await create()
    const byNo = await sb.dms(QUERY, { biz_order_no: a.bizOrderNo })
    expect(byNo.body?.data).toEqual({
      bizOrderNo: a.bizOrderNo,
      orderNo: a.orderNo,
      bz_order: 'BILL-1',
      orderStatus: 1,
      errorMessage: '',
      amount: 12850,
      pay_way: 'SCAN_WEIXIN',
      payDatetime: '',
      expireDatetime: '2026-11-25 12:00:00',
    })
    const byBill = await sb.dms(QUERY, { bz_order: 'BILL-1' })
    expect((byBill.body?.data as { bizOrderNo: string }).bizOrderNo).toBe(b.bizOrderNo)
  })

  it('shows the pay time in China time once paid', async () => {
    const a = await create()
    clock.advance(45_000)
    await sb.control.pay(a.bizOrderNo)
    const r = await sb.dms(QUERY, { biz_order_no: a.bizOrderNo })
    expect(r.body?.data).toMatchObject({ orderStatus: 4, payDatetime: '2026-11-25 10:00:45' })
  })

  it('closes an unpaid attempt lazily once its QR has expired', async () => {
    const a = await create()
    clock.advance(2 * 3_600_000)
    const r = await sb.dms(QUERY, { biz_order_no: a.bizOrderNo })
    expect((r.body?.data as { orderStatus: number }).orderStatus).toBe(6)
  })
})

describe('E. close', () => {
  it('closes, and closes again', async () => {
    const a = await create()
    const expected = {
      closeResult: 1,
      bizOrderNo: a.bizOrderNo,
      orderNo: a.orderNo,
      orderStatus: 6,
    }
    expect((await sb.dms(CLOSE, { biz_order_no: a.bizOrderNo })).body?.data).toEqual(expected)
    expect((await sb.dms(CLOSE, { biz_order_no: a.bizOrderNo })).body).toMatchObject({
      errCode: 1000,
      data: expected,
    })
  })

  it('refuses to close a paid attempt with 2003 and the paid status', async () => {
    const a = await create()
    await sb.control.pay(a.bizOrderNo)
    const r = await sb.dms(CLOSE, { biz_order_no: a.bizOrderNo })
    expect(r.body?.errCode).toBe(2003)
    expect(r.body?.data).toMatchObject({ bizOrderNo: a.bizOrderNo, orderStatus: 4 })
  })
})

describe('error codes', () => {
  it('1003 without or with a wrong token', async () => {
    for (const token of [null, 'wrong']) {
      const r = await sb.dms('/fin-account/biz-user', {}, { token })
      expect(r.status).toBe(200)
      expect(r.body).toEqual({ errCode: 1003, errMsg: '未登录或登录已过期，请重新登录', data: [] })
    }
  })

  it('1001 naming the parameter, also for a broken JSON body', async () => {
    const r = await sb.dms(PAYMENT, paymentParams({ amount: '128.50' }))
    expect(r.body).toMatchObject({ errCode: 1001, data: [] })
    expect(r.body?.errMsg).toContain('amount')
    const res = await fetch(`${sb.url}${PAYMENT}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' },
      body: '{"bz_order":',
    })
    expect(((await res.json()) as { errCode: number }).errCode).toBe(1001)
  })

  it.each([
    [{ payer_id: 'ghost' }, 2001],
    [{ reciever_id: 'RCV-9999' }, 2002],
    [{ reciever_id: 'RCV-0003' }, 2005],
    [{ reciever_id: 'RCV-0002', pay_way: 'SCAN_ALIPAY' }, 2006],
  ])('%o → %i', async (over, code) => {
    const r = await sb.dms(PAYMENT, paymentParams(over))
    expect(r.body).toMatchObject({ errCode: code, data: [] })
    expect(r.body?.errMsg).toMatch(/[\u4e00-\u9fff]/)
  })

  it('2003 for a paid bill, 2004 for a different amount while open', async () => {
    const a = await create()
    expect((await sb.dms(PAYMENT, paymentParams({ amount: 1 }))).body?.errCode).toBe(2004)
    await sb.control.pay(a.bizOrderNo)
    expect((await sb.dms(PAYMENT, paymentParams())).body?.errCode).toBe(2003)
  })

  it('2007 past the payer daily limit, settable through control', async () => {
    await sb.control.settings({ payerDailyLimit: 2 })
    await create({ bz_order: 'A' })
    await create({ bz_order: 'B' })
    const r = await sb.dms(PAYMENT, paymentParams({ bz_order: 'C' }))
    expect(r.body?.errCode).toBe(2007)
    expect(r.body?.errMsg).toContain('2 笔')
  })

  it('2008 for an unknown order, 2009 to close a failed one', async () => {
    expect((await sb.dms(QUERY, { biz_order_no: '2026112599999999' })).body?.errCode).toBe(2008)
    expect((await sb.dms(QUERY, { bz_order: 'NO-SUCH-BILL' })).body?.errCode).toBe(2008)
    expect((await sb.dms(CLOSE, { biz_order_no: '2026112599999999' })).body?.errCode).toBe(2008)
    const a = await create()
    await sb.control.fail(a.bizOrderNo, '用户余额不足')
    const r = await sb.dms(CLOSE, { biz_order_no: a.bizOrderNo })
    expect(r.body).toMatchObject({ errCode: 2009, data: [] })
  })
})

describe('transport', () => {
  it('answers an unknown path with a 404 HTML page', async () => {
    const r = await sb.dms('/dms/cash-out/refund')
    expect(r.status).toBe(404)
    expect(r.contentType).toContain('text/html')
    expect(r.text).toContain('404 Not Found')
  })

  it('answers GET on a DMS path with 405 and the framework error shape', async () => {
    const r = await sb.dms(QUERY, {}, { method: 'GET' })
    expect(r.status).toBe(405)
    expect(r.body).toMatchObject({ name: 'Method Not Allowed', status: 405 })
  })

  it('uses the injected clock for dates', async () => {
    const a = await create()
    expect(a.bizOrderNo.startsWith('20261125')).toBe(true)
    expect(T0).toBe(clock.now())
  })
})
