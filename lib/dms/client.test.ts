import { describe, expect, it } from 'vitest'
import { createDmsClient, DMS_PATHS } from './client'
import { fakeFetch, type FakeAnswer } from '@/tests/support/dms/fake-fetch'
import {
  BIZ_ORDER_NO,
  CREATE_OK,
  ORDER_NO,
  PAYER_OK,
  QUERY_PAID,
  QUERY_UNKNOWN_STATUS,
  RECEIVERS_OK,
} from '@/tests/support/dms/success-bodies'

function client(...answers: FakeAnswer[]) {
  const fake = fakeFetch(...answers)
  const dms = createDmsClient({
    baseUrl: 'http://dms.test',
    token: 't',
    timeoutMs: 1000,
    fetch: fake.fetch,
  })
  return { dms, requests: fake.requests }
}

const form = (body: string | undefined) => Object.fromEntries(new URLSearchParams(body))

describe('createPayment', () => {
  const input = {
    bzOrder: 'BILL-0001',
    amountFen: 12345,
    payWay: 'SCAN_ALIPAY' as const,
    payerId: 'testtlzf',
    recieverId: 'r-1',
  }

  it('posts DMS parameter names (reciever_id spelled as DMS spells it)', async () => {
    const { dms, requests } = client({ body: CREATE_OK })
    const result = await dms.createPayment(input)
    expect(requests[0]?.url).toBe(`http://dms.test${DMS_PATHS.createPayment}`)
    expect(form(requests[0]?.body)).toEqual({
      bz_order: 'BILL-0001',
      amount: '12345',
      pay_way: 'SCAN_ALIPAY',
      payer_id: 'testtlzf',
      reciever_id: 'r-1',
    })
    expect(result).toEqual({
      ok: true,
      data: {
        bizOrderNo: BIZ_ORDER_NO,
        orderNo: ORDER_NO,
        payInfo: 'https://qr.alipay.com/bax071438zy1ckv6sfum503a',
        payStatus: 'pending',
        payFailMessage: '',
      },
    })
  })

  it.each([0, -1, 1.5, Number.NaN])(
    'refuses amountFen %s before calling DMS',
    async (amountFen) => {
      const { dms, requests } = client({ body: CREATE_OK })
      await expect(dms.createPayment({ ...input, amountFen })).rejects.toThrow(RangeError)
      expect(requests).toHaveLength(0)
    },
  )

  it('reports data of the wrong shape as unavailable/shape, naming the endpoint', async () => {
    const { dms } = client({ body: '{"errCode":1000,"errMsg":"ok","data":{"payInfo":"x"}}' })
    expect(await dms.createPayment(input)).toEqual({
      ok: false,
      error: {
        kind: 'unavailable',
        reason: 'shape',
        sent: true,
        detail: expect.stringMatching(/^\/dms\/cash-out\/payment: bizOrderNo/),
      },
    })
  })
})

describe('account endpoints', () => {
  it('getPayer posts to /fin-account/biz-user', async () => {
    const { dms, requests } = client({ body: PAYER_OK })
    expect(await dms.getPayer()).toMatchObject({ ok: true, data: { id: 'testtlzf', active: true } })
    expect(requests[0]?.url).toBe('http://dms.test/fin-account/biz-user')
    expect(requests[0]?.method).toBe('POST')
  })

  it('listReceivers posts to /dms/payment/get-pay-way-tonglian and keeps status-0 accounts', async () => {
    const { dms, requests } = client({ body: RECEIVERS_OK })
    const result = await dms.listReceivers()
    expect(requests[0]?.url).toBe('http://dms.test/dms/payment/get-pay-way-tonglian')
    expect(result.ok && result.data.map((r) => [r.id, r.verified])).toEqual([
      ['r-1', true],
      ['r-2', false],
    ])
  })
})

describe('queryPayment', () => {
  it('queries by biz_order_no', async () => {
    const { dms, requests } = client({ body: QUERY_PAID })
    const result = await dms.queryPayment({ bizOrderNo: BIZ_ORDER_NO })
    expect(form(requests[0]?.body)).toEqual({ biz_order_no: BIZ_ORDER_NO })
    expect(result).toMatchObject({ ok: true, data: { status: 'paid', amountFen: 12345 } })
  })

  it('queries by bz_order', async () => {
    const { dms, requests } = client({ body: QUERY_PAID })
    await dms.queryPayment({ bzOrder: 'BILL-0001' })
    expect(requests[0]?.url).toBe('http://dms.test/dms/cash-out/query')
    expect(form(requests[0]?.body)).toEqual({ bz_order: 'BILL-0001' })
  })

  it('an unknown orderStatus is a shape error, not a guess', async () => {
    const { dms } = client({ body: QUERY_UNKNOWN_STATUS })
    expect(await dms.queryPayment({ bizOrderNo: BIZ_ORDER_NO })).toMatchObject({
      ok: false,
      error: {
        kind: 'unavailable',
        reason: 'shape',
        detail: expect.stringContaining('orderStatus'),
      },
    })
  })
})

/*
 * An answer about another attempt or bill (a misbehaving DMS, a proxy mixing answers) would mark
 * the wrong charge paid or closed: it is an answer we cannot use, like one of the wrong shape.
 */
describe('queryPayment: the answer must be about what was asked', () => {
  it('an answer about another attempt is a shape error naming both numbers', async () => {
    const { dms } = client({ body: QUERY_PAID })
    expect(await dms.queryPayment({ bizOrderNo: '2020072100000999' })).toEqual({
      ok: false,
      error: {
        kind: 'unavailable',
        reason: 'shape',
        detail: `/dms/cash-out/query: answer about bizOrderNo "${BIZ_ORDER_NO}", asked "2020072100000999"`,
        sent: true,
      },
    })
  })

  it('an answer about another bill is a shape error naming both bills', async () => {
    const { dms } = client({ body: QUERY_PAID })
    expect(await dms.queryPayment({ bzOrder: 'BILL-0002' })).toMatchObject({
      ok: false,
      error: {
        kind: 'unavailable',
        reason: 'shape',
        detail: '/dms/cash-out/query: answer about bz_order "BILL-0001", asked "BILL-0002"',
      },
    })
  })
})

describe('failures reach callers without raw DMS data', () => {
  it('a rejection carries only kind, code and message', async () => {
    const { dms } = client({ body: '{"errCode":2008,"errMsg":"订单不存在","data":{"secret":"x"}}' })
    const result = await dms.queryPayment({ bizOrderNo: 'nope' })
    expect(result).toEqual({
      ok: false,
      error: { kind: 'rejected', code: 2008, message: '订单不存在' },
    })
    expect('data' in result).toBe(false)
  })
})
