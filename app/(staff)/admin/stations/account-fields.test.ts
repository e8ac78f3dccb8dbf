import { describe, expect, it } from 'vitest'
import type { ReceivingAccount } from '@/lib/dms/types'
import { receiverField } from './account-fields'

const RECEIVERS: ReceivingAccount[] = [
  { id: 'R1', name: '主店', payWays: ['SCAN_WEIXIN', 'SCAN_ALIPAY'], verified: true },
  { id: 'R2', name: '微信专用', payWays: ['SCAN_WEIXIN'], verified: true },
  { id: 'R3', name: '待审核', payWays: ['SCAN_WEIXIN', 'SCAN_ALIPAY'], verified: false },
]
const text = (key: string, params?: Record<string, string>) =>
  params ? `${key}${JSON.stringify(params)}` : key

describe('receiverField', () => {
  it('offers, per pay way, only the verified accounts that take it', () => {
    const values = (way: 'SCAN_WEIXIN' | 'SCAN_ALIPAY') =>
      receiverField(null, RECEIVERS, way, text).options!.map((o) => o.value)
    expect(values('SCAN_WEIXIN')).toEqual(['', 'R1', 'R2'])
    expect(values('SCAN_ALIPAY')).toEqual(['', 'R1'])
  })

  it('keeps a current account that cannot take the pay way, with a warning', () => {
    const f = receiverField('R2', RECEIVERS, 'SCAN_ALIPAY', text)
    expect(f.current).toBe('R2')
    expect(f.options!.map((o) => o.value)).toEqual(['', 'R1', 'R2'])
    expect(f.options!.at(-1)!.label).toContain('accounts.notThisWay')
    expect(f.warning).toBe('accounts.warnNotThisWay')
    expect(receiverField('R3', RECEIVERS, 'SCAN_WEIXIN', text).warning).toBe(
      'accounts.warnUnverified',
    )
  })
})
