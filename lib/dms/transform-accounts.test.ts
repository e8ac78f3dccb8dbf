import { describe, expect, it } from 'vitest'
import {
  CLOSE_EMPTY_DATA,
  CLOSE_OK,
  PAYER_DRIFTED,
  PAYER_OK,
  RECEIVERS_DRIFTED,
  RECEIVERS_INDEX_OBJECT,
  RECEIVERS_OK,
} from '@/tests/support/dms/success-bodies'
import { dataOf } from '@/tests/support/dms/data-of'
import { parseCloseResult, parsePaidOnClose, parsePayer, parseReceivers } from './transform'

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
  it('maps a close (about the attempt asked to close: client-close.test.ts has one about another)', () => {
    expect(parseCloseResult(dataOf(CLOSE_OK), '2020072100000257')).toEqual({
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
