import type { PayWay } from './types'

/*
 * The accounts the sandbox knows, as endpoints B and C return them. One receiver per case the cashier
 * must handle: both pay ways, WeChat only, and not yet verified (charging it fails with 2005).
 */

export interface Payer {
  biz_user_id: string
  name: string
  member_type: number
  status: number
}

export interface Receiver {
  id: string
  name: string
  pay_ways: PayWay[]
  status: 0 | 1
}

export const PAYER: Payer = {
  biz_user_id: 'testtlzf',
  name: '测试付款会员',
  member_type: 2,
  status: 1,
}

export const RECEIVERS: readonly Receiver[] = [
  { id: 'RCV-0001', name: '主店通联收款账户', pay_ways: ['SCAN_WEIXIN', 'SCAN_ALIPAY'], status: 1 },
  { id: 'RCV-0002', name: '微信专用收款账户', pay_ways: ['SCAN_WEIXIN'], status: 1 },
  {
    id: 'RCV-0003',
    name: '新开分店收款账户（待审核）',
    pay_ways: ['SCAN_WEIXIN', 'SCAN_ALIPAY'],
    status: 0,
  },
]

export function findPayer(id: string): Payer | undefined {
  return id === PAYER.biz_user_id ? PAYER : undefined
}

export function findReceiver(id: string): Receiver | undefined {
  return RECEIVERS.find((r) => r.id === id)
}
