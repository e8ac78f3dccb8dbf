import { describe, expect, it } from 'vitest'
import { sayFailure, saySystemText } from '@/tests/support/failure-words'
import { asText, beijingTimeText, failureReason, neutralise } from './csv-cells'

const sys = saySystemText('zh-CN')

describe('CSV cells', () => {
  it('neutralises anything a spreadsheet could run as a formula', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("x")']) {
      expect(neutralise(bad)).toBe(`'${bad}`)
    }
    for (const ok of ['前台 1', 'Wang', '', '1-2', 'a=b']) expect(neutralise(ok)).toBe(ok)
  })

  it('keeps ids as plain cells: nothing hidden before them, never a formula', () => {
    expect(asText('1285453080879468544')).toBe('1285453080879468544')
    expect(asText('0007')).toBe('0007')
    expect(asText('WX-2025')).toBe('WX-2025')
    expect(asText('-5+3')).toBe("'-5+3")
    expect(asText('=cmd')).toBe("'=cmd")
    expect(asText(null)).toBe('')
  })

  // A payment the network failed read "[3000] 银行卡余额不足", as if DMS had refused with 3000.
  it('says why a charge failed in the detail page’s words, and nothing for a paid one', () => {
    const zh = sayFailure('zh-CN')
    const base = {
      status: 'failed',
      errorCode: 3000,
      errorMessage: '银行卡余额不足',
      bizOrderNo: '2020072100000257',
      payInfo: 'https://qr.alipay.com/bax071438zy1ckv6sfum503a',
    }
    expect(failureReason(base, zh, sys)).toBe('顾客支付失败：银行卡余额不足')
    expect(failureReason(base, sayFailure('en'), saySystemText('en'))).toBe(
      "The customer's payment failed: 银行卡余额不足",
    )
    // A create DMS refused: no attempt number, DMS's code named.
    const refused = { ...base, bizOrderNo: null, errorCode: 2001, errorMessage: '付款账户不存在' }
    expect(failureReason(refused, zh, sys)).toBe('DMS 代码 2001：付款账户不存在')
    expect(failureReason({ ...refused, errorCode: 3000, errorMessage: '通道维护' }, zh, sys)).toBe(
      'DMS 代码 3000：通道维护',
    )
    expect(
      failureReason({ ...refused, errorMessage: '' }, sayFailure('en'), saySystemText('en')),
    ).toBe('DMS code 2001')
    expect(failureReason({ ...base, errorCode: null }, zh, sys)).toBe('银行卡余额不足')
    expect(failureReason({ ...base, errorMessage: '=cmd', errorCode: null }, zh, sys)).toBe("'=cmd")
    expect(failureReason({ ...base, status: 'paid' }, zh, sys)).toBe('')
    const closed = {
      status: 'closed',
      errorCode: null,
      errorMessage: null,
      bizOrderNo: null,
      payInfo: null,
    }
    expect(failureReason(closed, zh, sys)).toBe('')
  })

  // A create DMS answered payStatus "fail" read 顾客支付失败: no QR was made, nobody scanned.
  it('says a create answered payStatus “fail” as the platform making no QR', () => {
    const noQr = {
      status: 'failed',
      errorCode: 3000,
      errorMessage: '商户号状态异常',
      bizOrderNo: '2020072100000257',
      payInfo: null,
    }
    expect(failureReason(noQr, sayFailure('zh-CN'), sys)).toBe(
      '支付平台未能生成收款码：商户号状态异常',
    )
    expect(failureReason(noQr, sayFailure('en'), saySystemText('en'))).toBe(
      'The payment platform could not make the QR code: 商户号状态异常',
    )
    expect(failureReason({ ...noQr, errorMessage: ' ' }, sayFailure('zh-CN'), sys)).toBe(
      '支付平台未能生成收款码',
    )
  })

  // The detail page said "DMS 在 10 秒内没有回答…" while the export wrote "no answer within 10000 ms".
  it('says our DMS client’s own notes as the detail page does, in the file’s language', () => {
    const note = (errorMessage: string) => ({
      status: 'unknown',
      errorCode: null,
      errorMessage,
      bizOrderNo: null,
      payInfo: null,
    })
    const zh = sayFailure('zh-CN')
    expect(failureReason(note('no answer within 10000 ms'), zh, sys)).toBe(
      'DMS 在 10 秒内没有回答，结果未知，要向 DMS 查询后才能确定。',
    )
    const refused = note('ECONNREFUSED: fetch failed: connect ECONNREFUSED 10.0.0.5:8080')
    expect(failureReason({ ...refused, status: 'failed' }, zh, sys)).toBe(
      '连不上 DMS 服务器，请求没有发出。 (ECONNREFUSED)',
    )
    expect(
      failureReason(note('HTTP 503: Service Unavailable'), sayFailure('en'), saySystemText('en')),
    ).not.toMatch(/Service Unavailable/)
    // DMS's own words are kept as they came.
    expect(failureReason(note('系统维护中'), zh, sys)).toBe('系统维护中')
  })

  it('writes Beijing wall time', () => {
    expect(beijingTimeText(Date.UTC(2025, 10, 25, 16, 3, 7))).toBe('2025-11-26 00:03:07')
    expect(beijingTimeText(null)).toBe('')
  })
})
