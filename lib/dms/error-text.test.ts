import { describe, expect, it } from 'vitest'
import { describeDmsError, describePaymentFailure } from './error-text'
import { CONTRACT_CODES, CONTRACT_ERROR_CODES } from '@/tests/support/dms/error-bodies'
import type { DmsError } from './types'

const rejected = (code: number, message = ''): DmsError => ({ kind: 'rejected', code, message })
const LOCALES = ['zh-CN', 'en'] as const

describe('describeDmsError', () => {
  it.each(LOCALES)('has a message and an action for every contract code (%s)', (locale) => {
    const messages = new Set<string>()
    for (const code of CONTRACT_CODES) {
      const text = describeDmsError(rejected(code, CONTRACT_ERROR_CODES[code]), locale)
      expect(text.message.length, `${code}`).toBeGreaterThan(3)
      expect(text.action.length, `${code}`).toBeGreaterThan(3)
      messages.add(text.message)
    }
    expect(messages.size).toBe(CONTRACT_CODES.length)
  })

  it('writes zh-CN texts in Chinese and en texts without Chinese (other than DMS quotes)', () => {
    for (const code of CONTRACT_CODES) {
      expect(describeDmsError(rejected(code), 'zh-CN').message).toMatch(/[\u4e00-\u9fff]/)
      const en = describeDmsError(rejected(code), 'en')
      expect(`${en.message} ${en.action}`).not.toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('tells the cashier what to do when the payer hit its daily limit (2007)', () => {
    expect(describeDmsError(rejected(2007, 'xx'), 'zh-CN')).toEqual({
      message: '付款账户今日付款次数已达上限',
      action: '请联系店长在收银台设置中更换付款账户',
    })
    expect(describeDmsError(rejected(2007), 'en').action).toMatch(/manager/i)
  })

  it('says what an unknown order (2008) means and what to do, without asking for a refresh', () => {
    // Shown on the charge screen, which follows the charge by itself: a refresh changes nothing.
    expect(describeDmsError(rejected(2008, '订单不存在'), 'zh-CN')).toEqual({
      message: 'DMS 中找不到这笔收款',
      action:
        '这次收款在 DMS 没有订单，顾客无法为它付款。请重新收款；如顾客出示了付款记录，请联系店长核实。',
    })
    expect(describeDmsError(rejected(2008), 'en').action).toMatch(/^DMS holds no order for it/)
    for (const locale of LOCALES) {
      for (const code of CONTRACT_CODES) {
        const text = describeDmsError(rejected(code), locale)
        expect(`${text.message} ${text.action}`, `${code} (${locale})`).not.toMatch(
          /刷新|refresh|reload/i,
        )
      }
    }
  })

  it('says a bill is already paid (2003)', () => {
    expect(describeDmsError(rejected(2003), 'zh-CN').message).toBe('该单据已付款')
  })

  it("quotes DMS's own message for 1001 (the parameter) and 3000 (the network's words)", () => {
    expect(describeDmsError(rejected(1001, '参数错误：amount'), 'zh-CN').message).toContain(
      '参数错误：amount',
    )
    expect(describeDmsError(rejected(3000, '通联：商户号状态异常'), 'en').message).toContain(
      '通联：商户号状态异常',
    )
    expect(describeDmsError(rejected(3000, ''), 'zh-CN').message).toBe('支付通道出错')
  })

  it('shows an unknown code with DMS errMsg and the code to quote, once', () => {
    const zh = describeDmsError(rejected(4242, '风控拦截'), 'zh-CN')
    expect(zh.message).toBe('风控拦截')
    expect(zh.action).toContain('4242')
    // Without DMS's words the code was in the message and again in the action.
    for (const locale of ['zh-CN', 'en'] as const) {
      const bare = describeDmsError(rejected(4243), locale)
      expect(`${bare.message} ${bare.action}`.split('4243')).toHaveLength(2)
      expect(bare.message).toMatch(locale === 'en' ? /DMS/ : /DMS .*[\u4e00-\u9fff]/)
    }
    expect(describeDmsError(rejected(0), 'zh-CN').action).toContain('0')
  })

  // The charge screen shows the code as small print below: the sentences point at it instead.
  it('leaves the number out where the caller shows the code', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const words of ['风控拦截', '']) {
        const text = describeDmsError(rejected(4242, words), locale, { codeShown: true })
        expect(`${text.message} ${text.action}`).not.toContain('4242')
        expect(text.action).toMatch(locale === 'en' ? /DMS code below/ : /下方的 DMS 代码/)
      }
    }
    // A known code's text never carried the number: unchanged.
    expect(describeDmsError(rejected(2007), 'zh-CN', { codeShown: true })).toEqual(
      describeDmsError(rejected(2007), 'zh-CN'),
    )
  })

  it('an unavailable DMS says it cannot be reached, with advice', () => {
    const refused: DmsError = {
      kind: 'unavailable',
      reason: 'refused',
      detail: 'ECONNREFUSED',
      sent: false,
    }
    expect(describeDmsError(refused, 'zh-CN').message).toMatch(/^暂时无法连接 DMS/)
    expect(describeDmsError(refused, 'zh-CN').action).toContain('网络')
    const http: DmsError = {
      kind: 'unavailable',
      reason: 'http',
      status: 502,
      detail: 'x',
      sent: true,
    }
    expect(describeDmsError(http, 'zh-CN').message).toBe('暂时无法连接 DMS（HTTP 502）')
    expect(describeDmsError(http, 'en').message).toContain('HTTP 502')
  })

  it('an unknown outcome is presented as being checked, never as failed', () => {
    const unknown: DmsError = { kind: 'unknown', detail: 'no answer within 10000 ms' }
    const zh = describeDmsError(unknown, 'zh-CN')
    expect(zh.message).toBe('DMS 未及时答复，正在向 DMS 核实…')
    expect(`${zh.message}${zh.action}`).not.toMatch(/失败/)
    const en = describeDmsError(unknown, 'en')
    expect(`${en.message} ${en.action}`).not.toMatch(/fail/i)
  })

  it('never shows technical details or overly long DMS text', () => {
    const long = describeDmsError(rejected(9999, 'x'.repeat(1000)), 'zh-CN')
    expect(long.message.length).toBeLessThanOrEqual(200)
    const garbage: DmsError = {
      kind: 'unavailable',
      reason: 'garbage',
      detail: 'PDOException',
      sent: true,
    }
    expect(JSON.stringify(describeDmsError(garbage, 'en'))).not.toContain('PDOException')
  })
})

// A payment DMS reported failed is no refusal: the cashier read "支付通道出错" and "DMS 代码 3000".
describe('describePaymentFailure', () => {
  it("gives the payment network's words, no DMS code, in each language", () => {
    expect(describePaymentFailure(' 用户余额不足 ', 'zh-CN')).toEqual({
      message: '支付平台答复：用户余额不足',
      action: '请让顾客换一种方式，或稍后重新收款。',
    })
    expect(describePaymentFailure('', 'zh-CN').message).toBe('支付平台没有说明原因')
    const en = describePaymentFailure('', 'en')
    expect(`${en.message} ${en.action}`).not.toMatch(/[\u4e00-\u9fff]|DMS|3000/)
    expect(describePaymentFailure('x'.repeat(1000), 'en').message.length).toBeLessThanOrEqual(230)
  })

  // A create answered payStatus "fail" read 支付平台答复：…, as for a customer's failed payment.
  it('says a create answered payStatus “fail” as the platform making no QR', () => {
    expect(describePaymentFailure(' 商户号状态异常 ', 'zh-CN', 'no-qr')).toEqual({
      message: '支付平台未能生成收款码：商户号状态异常',
      action: '顾客没有付款。请稍后重新收款，或让顾客换一种方式。',
    })
    expect(describePaymentFailure('', 'zh-CN', 'no-qr').message).toBe(
      '支付平台未能生成收款码，没有说明原因',
    )
    const en = describePaymentFailure('', 'en', 'no-qr')
    expect(en.message).toBe('The payment platform could not make the QR code and gave no reason')
    expect(`${en.message} ${en.action}`).not.toMatch(/[\u4e00-\u9fff]|DMS|3000/)
  })
})
