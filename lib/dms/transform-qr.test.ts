import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { QRCodeSVG } from 'qrcode.react'
import { describe, expect, it } from 'vitest'
import { parseCreatedPayment } from './transform'

/*
 * A pending QR whose payInfo no QR code can hold: the charge screen and the tablet draw payInfo with
 * qrcode.react at level M, which throws "Data too long" past 2331 bytes (version 40, byte mode), so
 * the cashier's screen fell to the error boundary and the tablet to a blank page.
 */
const created = (payInfo: string) => ({
  bizOrderNo: '2020072100000257',
  orderNo: '1285453080879468544',
  payInfo,
  payStatus: '',
})

const draws = (value: string) => {
  try {
    renderToString(createElement(QRCodeSVG, { value, level: 'M', marginSize: 2 }))
    return true
  } catch {
    return false
  }
}

describe('parseCreatedPayment: a QR the screens can draw', () => {
  it('takes the longest payInfo a level-M QR holds (2331 bytes)', () => {
    const longest = 'weixin://wxpay/bizpayurl?pr='.padEnd(2331, 'x')
    expect(draws(longest)).toBe(true)
    expect(parseCreatedPayment(created(longest))).toMatchObject({ ok: true })
  })

  it('refuses one byte more, counted in UTF-8 (Chinese text is 3 bytes a character)', () => {
    const ascii = 'weixin://wxpay/bizpayurl?pr='.padEnd(2332, 'x')
    const chinese = '支'.repeat(778) // 2334 bytes in 778 characters
    for (const payInfo of [ascii, chinese]) {
      expect(draws(payInfo)).toBe(false)
      const parsed = parseCreatedPayment(created(payInfo))
      expect(parsed).toEqual({ ok: false, detail: expect.stringMatching(/^payInfo: /) })
    }
  })
})
