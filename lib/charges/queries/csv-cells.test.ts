import { describe, expect, it } from 'vitest'
import { asText, beijingTimeText, failureReason, neutralise } from './csv-cells'

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

  it('says why a charge failed, as DMS said it, and nothing for a paid one', () => {
    const base = { status: 'failed', errorCode: 3000, errorMessage: '银行卡余额不足' }
    expect(failureReason(base)).toBe('[3000] 银行卡余额不足')
    expect(failureReason({ ...base, errorCode: null })).toBe('银行卡余额不足')
    expect(failureReason({ ...base, errorMessage: '=cmd', errorCode: null })).toBe("'=cmd")
    expect(failureReason({ ...base, status: 'paid' })).toBe('')
    expect(failureReason({ status: 'closed', errorCode: null, errorMessage: null })).toBe('')
  })

  it('writes Beijing wall time', () => {
    expect(beijingTimeText(Date.UTC(2025, 10, 25, 16, 3, 7))).toBe('2025-11-26 00:03:07')
    expect(beijingTimeText(null)).toBe('')
  })
})
