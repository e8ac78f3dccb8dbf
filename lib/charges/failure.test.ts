import { describe, expect, it } from 'vitest'
import { failureWords, storedFailure, type StoredFailure } from './failure'

/** The words of a failure that has a key (a note is shown as stored). */
const words = (f: StoredFailure | null) => (f && f.kind !== 'note' ? failureWords(f) : null)

const QR = 'weixin://wxpay/bizpayurl?pr=AbC1234'
const attempt = { errorCode: 3000, bizOrderNo: '2020072100000257' }

describe('what a stored failure is', () => {
  it('a payment the network failed after the QR was made: the customer’s payment', () => {
    const f = storedFailure({ ...attempt, errorMessage: ' 用户余额不足 ', payInfo: QR })
    expect(f).toEqual({ kind: 'payment', message: '用户余额不足' })
    expect(words(f)).toEqual({
      key: 'payment',
      values: { message: '用户余额不足' },
    })
    // A create answered "success" stores an empty QR: one was made all the same.
    expect(storedFailure({ ...attempt, errorMessage: '', payInfo: '' })?.kind).toBe('payment')
  })

  // It read 顾客支付失败 for a create DMS answered payStatus "fail": no QR, nobody scanned.
  it('the same failure with no QR ever stored: the platform made none', () => {
    const f = storedFailure({ ...attempt, errorMessage: '商户号状态异常', payInfo: null })
    expect(f).toEqual({ kind: 'no-qr', message: '商户号状态异常' })
    expect(words(f)).toEqual({
      key: 'noQr',
      values: { message: '商户号状态异常' },
    })
    const bare = storedFailure({ ...attempt, errorMessage: null, payInfo: null })
    expect(words(bare)).toEqual({
      key: 'noQrBare',
      values: {},
    })
  })

  it('a refused create (no attempt number) names DMS’s code, QR or not', () => {
    const refused = { errorCode: 3000, errorMessage: '通道维护', bizOrderNo: null, payInfo: null }
    expect(storedFailure(refused)).toEqual({ kind: 'dms', code: 3000, message: '通道维护' })
    expect(storedFailure({ ...refused, errorCode: null })).toEqual({
      kind: 'note',
      message: '通道维护',
    })
    expect(storedFailure({ ...refused, errorCode: null, errorMessage: ' ' })).toBeNull()
  })
})
