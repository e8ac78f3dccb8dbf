import { describe, expect, it } from 'vitest'
import {
  CREATE_DRIFTED,
  CREATE_FAIL,
  CREATE_OK,
  CREATE_SUCCESS,
  CREATE_WECHAT_INFO_STRING,
  QUERY_DRIFTED,
  QUERY_PAID,
  QUERY_UNKNOWN_STATUS,
  QUERY_UNPAID,
} from '@/tests/support/dms/success-bodies'
import { dataOf } from '@/tests/support/dms/data-of'
import { parseCreatedPayment, parsePaymentStatus } from './transform'

describe('parseCreatedPayment', () => {
  it('maps the documented example to a pending QR', () => {
    expect(parseCreatedPayment(dataOf(CREATE_OK))).toEqual({
      ok: true,
      value: {
        bizOrderNo: '2020072100000257',
        orderNo: '1285453080879468544',
        payInfo: 'https://qr.alipay.com/bax071438zy1ckv6sfum503a',
        payStatus: 'pending',
        payFailMessage: '',
      },
    })
  })

  it('tolerates drift: bare-number ids, weChatAPPInfo {}, validateType "0", null text', () => {
    expect(parseCreatedPayment(dataOf(CREATE_DRIFTED))).toEqual({
      ok: true,
      value: {
        bizOrderNo: '2020072100000257',
        orderNo: '1285453080879468544',
        payInfo: 'weixin://wxpay/bizpayurl?pr=AbC1234',
        payStatus: 'pending',
        payFailMessage: '',
      },
    })
  })

  it('reads an empty message sent as [] or {} as an empty string', () => {
    for (const empty of [[], {}]) {
      expect(
        parseCreatedPayment({
          bizOrderNo: 'b',
          payInfo: 'x',
          payFailMessage: empty,
          payStatus: empty,
        }),
      ).toMatchObject({ ok: true, value: { payFailMessage: '', payStatus: 'pending' } })
    }
  })

  it('refuses an answer without the attempt number, whatever its status', () => {
    for (const payStatus of ['', 'pending', 'fail', 'success']) {
      expect(
        parseCreatedPayment({
          bizOrderNo: ' ',
          payInfo: 'weixin://wxpay/bizpayurl?pr=X',
          payStatus,
        }),
      ).toEqual({ ok: false, detail: 'bizOrderNo: empty' })
    }
  })

  it('tolerates weChatAPPInfo as a string and validateType as 1', () => {
    expect(parseCreatedPayment(dataOf(CREATE_WECHAT_INFO_STRING)).ok).toBe(true)
  })

  it('maps payStatus "fail" with its message, and "success"', () => {
    expect(parseCreatedPayment(dataOf(CREATE_FAIL))).toMatchObject({
      ok: true,
      value: { payStatus: 'fail', payFailMessage: '商户号状态异常', payInfo: '' },
    })
    expect(parseCreatedPayment(dataOf(CREATE_SUCCESS))).toMatchObject({
      ok: true,
      value: { payStatus: 'success' },
    })
  })

  it.each([
    [{ bizOrderNo: 'b', payInfo: 'x', payStatus: 'PENDING' }, 'pending'],
    [{ bizOrderNo: 'b', payInfo: 'x' }, 'pending'],
    [{ bizOrderNo: 'b', payInfo: 'x', payStatus: null }, 'pending'],
    [{ bizOrderNo: 'b', payInfo: '', payStatus: ' Fail ' }, 'fail'],
  ])('reads payStatus of %j as %s', (data, status) => {
    expect(parseCreatedPayment(data)).toMatchObject({ ok: true, value: { payStatus: status } })
  })

  it.each([
    [{ payInfo: 'x' }, 'bizOrderNo'],
    [{ bizOrderNo: 'b', payInfo: 'x', payStatus: 'weird' }, 'payStatus'],
    [{ bizOrderNo: 'b', payInfo: 'x', payStatus: 'constructor' }, 'payStatus'],
    [{ bizOrderNo: 'b', payInfo: '', payStatus: '' }, 'payInfo'],
    [{ bizOrderNo: 1.5, payInfo: 'x' }, 'bizOrderNo'],
    [[], 'expected object'],
    [null, 'data'],
  ])('rejects %j (names %s)', (data, field) => {
    const parsed = parseCreatedPayment(data)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.detail).toContain(field)
  })
})

describe('parsePaymentStatus', () => {
  it('maps a paid answer, with the pay time in China time', () => {
    expect(parsePaymentStatus(dataOf(QUERY_PAID))).toEqual({
      ok: true,
      value: {
        bizOrderNo: '2020072100000257',
        orderNo: '1285453080879468544',
        bzOrder: 'BILL-0001',
        status: 'paid',
        errorMessage: '',
        amountFen: 12345,
        payWay: 'SCAN_WEIXIN',
        paidAt: new Date('2024-03-01T01:30:15Z'),
        expireAt: new Date('2024-03-01T03:29:00Z'),
      },
    })
  })

  it('maps an unpaid answer with an empty pay time', () => {
    expect(parsePaymentStatus(dataOf(QUERY_UNPAID))).toMatchObject({
      ok: true,
      value: { status: 'unpaid', paidAt: null, payWay: 'SCAN_ALIPAY' },
    })
  })

  it('tolerates drift: string status and amount, bare ids, null and zero dates, unknown pay way', () => {
    expect(parsePaymentStatus(dataOf(QUERY_DRIFTED))).toEqual({
      ok: true,
      value: {
        bizOrderNo: '2020072100000257',
        orderNo: '1285453080879468544',
        bzOrder: 'BILL-0001',
        status: 'failed',
        errorMessage: '用户余额不足',
        amountFen: 12345,
        payWay: null,
        paidAt: null,
        expireAt: null,
      },
    })
  })

  it.each([
    [1, 'unpaid'],
    ['99', 'paying'],
    [4, 'paid'],
    ['3', 'failed'],
    [5, 'refunded'],
    [' 6 ', 'closed'],
  ])('maps orderStatus %j to %s', (code, status) => {
    expect(parsePaymentStatus({ bizOrderNo: 'b', orderStatus: code })).toMatchObject({
      ok: true,
      value: { status },
    })
  })

  it.each([[7], ['paid'], [null], [4.5], ['']])('rejects orderStatus %j', (code) => {
    const parsed = parsePaymentStatus({ bizOrderNo: 'b', orderStatus: code })
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.detail).toContain('orderStatus')
  })

  it('rejects an unknown status code from a fixture', () => {
    expect(parsePaymentStatus(dataOf(QUERY_UNKNOWN_STATUS))).toMatchObject({ ok: false })
  })

  it('rejects a malformed time and an amount that is not whole fen', () => {
    expect(
      parsePaymentStatus({ bizOrderNo: 'b', orderStatus: 4, payDatetime: '01/03/2024' }),
    ).toMatchObject({
      ok: false,
      detail: expect.stringContaining('payDatetime'),
    })
    expect(parsePaymentStatus({ bizOrderNo: 'b', orderStatus: 4, amount: '12.30' })).toMatchObject({
      ok: false,
      detail: expect.stringContaining('amount'),
    })
  })

  it('fills echo fields from the request when DMS leaves them out', () => {
    expect(
      parsePaymentStatus({ orderStatus: 1 }, { bizOrderNo: 'B1', bzOrder: 'BILL' }),
    ).toMatchObject({
      ok: true,
      value: { bizOrderNo: 'B1', bzOrder: 'BILL', orderNo: '', amountFen: null },
    })
    expect(parsePaymentStatus({ orderStatus: 1 }, { bzOrder: 'BILL' })).toEqual({
      ok: false,
      detail: 'bizOrderNo: missing',
    })
  })
})
