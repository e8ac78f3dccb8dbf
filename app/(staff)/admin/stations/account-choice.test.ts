import { describe, expect, it } from 'vitest'
import { checkAccountChoice, receiverProblem, type AccountCatalog } from './account-choice'

const catalog: AccountCatalog = {
  payer: { id: 'P1', active: true },
  receivers: [
    { id: 'R1', verified: true, payWays: ['SCAN_WEIXIN', 'SCAN_ALIPAY'] },
    { id: 'R2', verified: true, payWays: ['SCAN_ALIPAY'] },
    { id: 'R3', verified: false, payWays: ['SCAN_WEIXIN', 'SCAN_ALIPAY'] },
    { id: 'R4', verified: true, payWays: [] },
  ],
}
const choice = (payerId: string | null, weixin: string | null, alipay: string | null) => ({
  payerId,
  recieverIds: { SCAN_WEIXIN: weixin, SCAN_ALIPAY: alipay },
})
const none = choice(null, null, null)

describe('checkAccountChoice', () => {
  it('accepts the DMS payer and, per pay way, a verified receiver that takes it', () => {
    expect(checkAccountChoice(choice('P1', 'R1', 'R2'), none, catalog)).toEqual({})
    expect(checkAccountChoice(choice('P1', 'R1', 'R1'), none, catalog)).toEqual({})
  })

  it('refuses a receiver under a pay way it does not take', () => {
    expect(checkAccountChoice(choice('P1', 'R2', 'R1'), none, catalog)).toEqual({
      reciever_weixin_id: 'no-pay-way',
    })
  })

  it('accepts clearing them all, or one pay way only', () => {
    const current = choice('P1', 'R1', 'R1')
    expect(checkAccountChoice(none, current, catalog)).toEqual({})
    expect(checkAccountChoice(choice('P1', 'R1', null), current, catalog)).toEqual({})
  })

  it('refuses an unverified receiver, even when it is the current one', () => {
    const current = choice('P1', 'R3', 'R3')
    expect(checkAccountChoice(current, current, catalog)).toEqual({
      reciever_weixin_id: 'unverified',
      reciever_alipay_id: 'unverified',
    })
  })

  it('refuses a receiver with no pay way and an inactive payer', () => {
    const inactive = { ...catalog, payer: { id: 'P1', active: false } }
    expect(checkAccountChoice(choice('P1', null, 'R4'), none, inactive)).toEqual({
      payer_id: 'inactive',
      reciever_alipay_id: 'no-pay-way',
    })
  })

  it('keeps ids DMS no longer lists only when they are unchanged', () => {
    const current = choice('OLD-P', 'OLD-R', 'OLD-R')
    expect(checkAccountChoice(current, current, catalog)).toEqual({})
    expect(checkAccountChoice(choice('X', 'Y', 'OLD-R'), current, catalog)).toEqual({
      payer_id: 'not-in-dms',
      reciever_weixin_id: 'not-in-dms',
    })
  })
})

describe('receiverProblem', () => {
  it('names why an account cannot take a pay way', () => {
    const problems = (way: 'SCAN_WEIXIN' | 'SCAN_ALIPAY') =>
      catalog.receivers.map((r) => receiverProblem(r, way))
    expect(problems('SCAN_WEIXIN')).toEqual([null, 'no-pay-way', 'unverified', 'no-pay-way'])
    expect(problems('SCAN_ALIPAY')).toEqual([null, null, 'unverified', 'no-pay-way'])
  })
})
