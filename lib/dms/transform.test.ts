import { describe, expect, it } from 'vitest'
import {
  CLOSE_EMPTY_DATA,
  CLOSE_OK,
  CREATE_DRIFTED,
  CREATE_FAIL,
  CREATE_OK,
  CREATE_SUCCESS,
  CREATE_WECHAT_INFO_STRING,
  PAYER_DRIFTED,
  PAYER_OK,
  QUERY_DRIFTED,
  QUERY_PAID,
  QUERY_UNKNOWN_STATUS,
  QUERY_UNPAID,
  RECEIVERS_DRIFTED,
  RECEIVERS_INDEX_OBJECT,
  RECEIVERS_OK,
} from './fixtures/success-bodies'
import { parseJsonKeepingIds } from './json-text'
import {
  parseCloseResult,
  parseCreatedPayment,
  parsePaidOnClose,
  parsePayer,
  parsePaymentStatus,
  parseReceivers,
} from './transform'

/** The `data` of a fixture envelope, parsed as the transport does. */
function dataOf(body: string): unknown {
  const parsed = parseJsonKeepingIds(body)
  if (!parsed.ok) throw new Error('fixture is not JSON')
  return (parsed.value as { data: unknown }).data
}

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

describe('parsePayer', () => {
  it('maps the payer account', () => {
    expect(parsePayer(dataOf(PAYER_OK))).toEqual({
      ok: true,
      value: { id: 'testtlzf', name: '测试门店付款户', memberType: 2, active: true },
    })
  })

  it('tolerates drift and reads status "0" as inactive', () => {
    expect(parsePayer(dataOf(PAYER_DRIFTED))).toEqual({
      ok: true,
      value: { id: '10086', name: '', memberType: 3, active: false },
    })
  })

  it('needs a biz_user_id', () => {
    expect(parsePayer({ name: 'x', status: 1 })).toMatchObject({ ok: false })
  })
})

describe('parseReceivers', () => {
  it('maps receiving accounts; status 0 is not verified', () => {
    expect(parseReceivers(dataOf(RECEIVERS_OK))).toEqual({
      ok: true,
      value: [
        { id: 'r-1', name: '门店收款户', payWays: ['SCAN_WEIXIN', 'SCAN_ALIPAY'], verified: true },
        { id: 'r-2', name: '未认证收款户', payWays: ['SCAN_WEIXIN'], verified: false },
      ],
    })
  })

  it('tolerates pay_ways as a comma string, unknown pay ways, numeric and long ids', () => {
    expect(parseReceivers(dataOf(RECEIVERS_DRIFTED))).toEqual({
      ok: true,
      value: [
        { id: '12', name: 'A', payWays: ['SCAN_WEIXIN', 'SCAN_ALIPAY'], verified: true },
        { id: '13', name: 'B', payWays: ['SCAN_ALIPAY'], verified: false },
        { id: '14', name: 'C', payWays: [], verified: true },
        { id: '1285453080879468599', name: 'D', payWays: [], verified: true },
      ],
    })
  })

  it('accepts PHP index-keyed objects and empty data as lists', () => {
    expect(parseReceivers(dataOf(RECEIVERS_INDEX_OBJECT))).toMatchObject({
      ok: true,
      value: [{ id: 'r-1' }, { id: 'r-3' }],
    })
    expect(parseReceivers([])).toEqual({ ok: true, value: [] })
    expect(parseReceivers(null)).toEqual({ ok: true, value: [] })
    expect(parseReceivers({})).toEqual({ ok: true, value: [] })
  })

  it('rejects an entry without an id', () => {
    expect(parseReceivers([{ name: 'x' }])).toMatchObject({
      ok: false,
      detail: expect.stringContaining('0.id'),
    })
  })
})

describe('parseCloseResult', () => {
  it('maps a close', () => {
    expect(parseCloseResult(dataOf(CLOSE_OK), 'ignored')).toEqual({
      ok: true,
      value: { bizOrderNo: '2020072100000257', orderNo: '1285453080879468544', status: 'closed' },
    })
  })

  it('treats empty data on success as closed', () => {
    expect(parseCloseResult(dataOf(CLOSE_EMPTY_DATA), 'B1')).toEqual({
      ok: true,
      value: { bizOrderNo: 'B1', orderNo: '', status: 'closed' },
    })
    expect(parseCloseResult(null, 'B1')).toMatchObject({ ok: true, value: { status: 'closed' } })
  })

  it('reports the actual status when DMS says the order is something else', () => {
    expect(parseCloseResult({ orderStatus: 4 }, 'B1')).toMatchObject({
      ok: true,
      value: { status: 'paid' },
    })
  })

  it('finds the paid status in close data, and nothing in empty or unpaid data', () => {
    expect(parsePaidOnClose({ orderStatus: '4', orderNo: 1 }, 'B1')).toMatchObject({
      bizOrderNo: 'B1',
      status: 'paid',
    })
    expect(parsePaidOnClose({ orderStatus: 5 }, 'B1')).toMatchObject({ status: 'refunded' })
    expect(parsePaidOnClose([], 'B1')).toBeUndefined()
    expect(parsePaidOnClose({ orderStatus: 1 }, 'B1')).toBeUndefined()
  })
})
