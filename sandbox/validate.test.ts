import { describe, expect, it } from 'vitest'
import { parseCloseParams, parsePaymentParams, parseQueryParams } from './validate'

const good = {
  bz_order: 'BILL-1',
  amount: '12850',
  pay_way: 'SCAN_WEIXIN',
  payer_id: 'testtlzf',
  reciever_id: 'RCV-0001',
}

describe('parsePaymentParams', () => {
  it('accepts form strings and JSON numbers alike', () => {
    expect(parsePaymentParams(good)).toEqual({
      ok: true,
      value: {
        bzOrder: 'BILL-1',
        amount: 12850,
        payWay: 'SCAN_WEIXIN',
        payerId: 'testtlzf',
        recieverId: 'RCV-0001',
      },
    })
    const json = parsePaymentParams({ ...good, amount: 12850 })
    expect(json.ok && json.value.amount).toBe(12850)
  })

  it.each([
    [{ bz_order: undefined }, 'bz_order'],
    [{ bz_order: '' }, 'bz_order'],
    [{ bz_order: ' B1' }, 'bz_order'],
    [{ bz_order: 'x'.repeat(65) }, 'bz_order'],
    [{ amount: undefined }, 'amount'],
    [{ amount: '0' }, 'amount'],
    [{ amount: '-5' }, 'amount'],
    [{ amount: '128.50' }, 'amount'],
    [{ amount: 1.5 }, 'amount'],
    [{ amount: '1e3' }, 'amount'],
    [{ pay_way: 'WEIXIN' }, 'pay_way'],
    [{ pay_way: undefined }, 'pay_way'],
    [{ payer_id: '' }, 'payer_id'],
    [{ reciever_id: undefined, receiver_id: 'RCV-0001' }, 'reciever_id'],
    [{ reciever_id: { id: 1 } }, 'reciever_id'],
  ])('refuses %o with 1001 naming %s', (override, name) => {
    const r = parsePaymentParams({ ...good, ...override })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errCode).toBe(1001)
      expect(r.errMsg).toContain(name)
    }
  })
})

describe('parseQueryParams / parseCloseParams', () => {
  it('prefers biz_order_no, falls back to bz_order', () => {
    expect(parseQueryParams({ biz_order_no: 'A', bz_order: 'B' })).toEqual({
      ok: true,
      value: { bizOrderNo: 'A' },
    })
    expect(parseQueryParams({ bz_order: 'B' })).toEqual({ ok: true, value: { bzOrder: 'B' } })
  })

  it('needs one of them', () => {
    const r = parseQueryParams({})
    expect(!r.ok && r.errCode).toBe(1001)
    const c = parseCloseParams({ bz_order: 'B' })
    expect(!c.ok && c.errMsg).toContain('biz_order_no')
  })
})
