import { describe, expect, it } from 'vitest'
import { parseNotification, signNotification, verifyNotificationSignature } from './notify'

const SECRET = 'notify-secret-0123456789'
const BODY =
  'bizOrderNo=2020072100000257&orderNo=1285453080879468544&bz_order=BILL-0001&amount=12345&orderStatus=4&payDatetime=2024-03-01+09%3A30%3A15&notifyId=n-1&notifyTime=2024-03-01+09%3A30%3A20'

describe('notification signature', () => {
  it('signs with hex HMAC-SHA256 of the raw body', () => {
    // Known answer, cross-checked with Python: hmac.new(b'key', b'hello', hashlib.sha256)
    expect(signNotification('hello', 'key')).toBe(
      '9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b',
    )
    expect(signNotification(BODY, SECRET)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('accepts a good signature, in either letter case and with stray spaces', () => {
    const signature = signNotification(BODY, SECRET)
    expect(verifyNotificationSignature(BODY, signature, SECRET)).toBe(true)
    expect(verifyNotificationSignature(BODY, ` ${signature.toUpperCase()} `, SECRET)).toBe(true)
    expect(verifyNotificationSignature(Buffer.from(BODY), signature, SECRET)).toBe(true)
  })

  it('rejects a signature of another body or another secret', () => {
    const signature = signNotification(BODY, SECRET)
    expect(verifyNotificationSignature(BODY.replace('12345', '1'), signature, SECRET)).toBe(false)
    expect(verifyNotificationSignature(BODY, signature, 'another-secret-0123456')).toBe(false)
  })

  it.each([
    ['missing', null],
    ['undefined', undefined],
    ['empty', ''],
    ['too short', 'abc123'],
    ['not hex', 'z'.repeat(64)],
    ['too long', 'a'.repeat(66)],
    ['prefixed', `sha256=${'a'.repeat(64)}`],
  ])('rejects a %s signature without throwing', (_label, header) => {
    expect(verifyNotificationSignature(BODY, header, SECRET)).toBe(false)
  })

  it('never verifies with an empty secret', () => {
    expect(verifyNotificationSignature(BODY, signNotification(BODY, ''), '')).toBe(false)
  })
})

describe('parseNotification', () => {
  it('reads the form fields into a notification', () => {
    expect(parseNotification(BODY)).toEqual({
      bizOrderNo: '2020072100000257',
      orderNo: '1285453080879468544',
      bzOrder: 'BILL-0001',
      amountFen: 12345,
      status: 'paid',
      paidAt: new Date('2024-03-01T01:30:15Z'),
      notifyId: 'n-1',
      notifyTime: new Date('2024-03-01T01:30:20Z'),
    })
  })

  it('tolerates missing optional fields', () => {
    expect(parseNotification('bizOrderNo=B1&orderStatus=6')).toEqual({
      bizOrderNo: 'B1',
      orderNo: '',
      bzOrder: '',
      amountFen: null,
      status: 'closed',
      paidAt: null,
      notifyId: '',
      notifyTime: null,
    })
  })

  it.each([
    ['no bizOrderNo', 'orderStatus=4'],
    ['no status', 'bizOrderNo=B1'],
    ['unknown status', 'bizOrderNo=B1&orderStatus=7'],
    ['bad amount', 'bizOrderNo=B1&orderStatus=4&amount=1.5'],
    ['JSON instead of a form', '{"bizOrderNo":"B1","orderStatus":4}'],
    ['empty', ''],
  ])('returns null for %s', (_label, body) => {
    expect(parseNotification(body)).toBeNull()
  })
})
