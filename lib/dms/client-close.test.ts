import { describe, expect, it } from 'vitest'
import { createDmsClient } from './client'
import { CLOSE_PAID_2003, errorBody } from '@/tests/support/dms/error-bodies'
import { fakeFetch, type FakeAnswer } from '@/tests/support/dms/fake-fetch'
import {
  BIZ_ORDER_NO,
  CLOSE_EMPTY_DATA,
  CLOSE_OK,
  ORDER_NO,
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

describe('closePayment', () => {
  it('closes by biz_order_no', async () => {
    const { dms, requests } = client({ body: CLOSE_OK })
    expect(await dms.closePayment(BIZ_ORDER_NO)).toEqual({
      ok: true,
      data: { bizOrderNo: BIZ_ORDER_NO, orderNo: ORDER_NO, status: 'closed' },
    })
    expect(requests[0]?.url).toBe('http://dms.test/dms/cash-out/close')
    expect(form(requests[0]?.body)).toEqual({ biz_order_no: BIZ_ORDER_NO })
  })

  it('closing again with empty data still succeeds', async () => {
    const { dms } = client({ body: CLOSE_EMPTY_DATA })
    expect(await dms.closePayment('B9')).toEqual({
      ok: true,
      data: { bizOrderNo: 'B9', orderNo: '', status: 'closed' },
    })
  })

  it('2003 on close carries the paid status: the payment won the race', async () => {
    const { dms } = client({ body: CLOSE_PAID_2003 })
    expect(await dms.closePayment(BIZ_ORDER_NO)).toEqual({
      ok: false,
      error: {
        kind: 'rejected',
        code: 2003,
        message: '订单已支付，无法关闭',
        paid: {
          bizOrderNo: BIZ_ORDER_NO,
          orderNo: ORDER_NO,
          bzOrder: 'BILL-0001',
          status: 'paid',
          errorMessage: '',
          amountFen: 12345,
          payWay: 'SCAN_ALIPAY',
          paidAt: new Date('2024-03-01T01:30:15Z'),
          expireAt: null,
        },
      },
    })
  })

  it('2003 on close with another attempt’s paid status is a plain rejection: not ours to apply', async () => {
    const { dms } = client({ body: CLOSE_PAID_2003 })
    expect(await dms.closePayment('2020072100000999')).toEqual({
      ok: false,
      error: { kind: 'rejected', code: 2003, message: '订单已支付，无法关闭' },
    })
  })

  it('a close answered about another attempt is a shape error naming both numbers', async () => {
    const { dms } = client({ body: CLOSE_OK })
    expect(await dms.closePayment('2020072100000999')).toMatchObject({
      ok: false,
      error: {
        kind: 'unavailable',
        reason: 'shape',
        detail: `/dms/cash-out/close: answer about bizOrderNo "${BIZ_ORDER_NO}", asked "2020072100000999"`,
      },
    })
  })

  it('2003 on close without usable data is a plain rejection', async () => {
    const { dms } = client({ body: errorBody(2003) })
    const result = await dms.closePayment(BIZ_ORDER_NO)
    expect(result).toEqual({
      ok: false,
      error: { kind: 'rejected', code: 2003, message: '该单据已付款' },
    })
  })

  it('a shape error on close names the close endpoint', async () => {
    const { dms } = client({ body: '{"errCode":1000,"data":{"orderStatus":"x"}}' })
    expect(await dms.closePayment('B1')).toMatchObject({
      ok: false,
      error: {
        kind: 'unavailable',
        reason: 'shape',
        detail: expect.stringContaining('/dms/cash-out/close'),
      },
    })
  })
})
