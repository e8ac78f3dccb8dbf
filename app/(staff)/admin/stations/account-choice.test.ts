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
const none = { payerId: null, recieverId: null }

describe('checkAccountChoice', () => {
  it('accepts the DMS payer and a verified receiver, whatever pay ways it takes', () => {
    expect(checkAccountChoice({ payerId: 'P1', recieverId: 'R1' }, none, catalog)).toEqual({})
    expect(checkAccountChoice({ payerId: 'P1', recieverId: 'R2' }, none, catalog)).toEqual({})
  })

  it('accepts clearing both (defaults come from DMS at the next charge)', () => {
    const current = { payerId: 'P1', recieverId: 'R1' }
    expect(checkAccountChoice(none, current, catalog)).toEqual({})
  })

  it('refuses an unverified receiver, even when it is the current one', () => {
    const current = { payerId: 'P1', recieverId: 'R3' }
    const choice = { payerId: 'P1', recieverId: 'R3' }
    expect(checkAccountChoice(choice, current, catalog)).toEqual({ reciever_id: 'unverified' })
  })

  it('refuses a receiver with no pay way and an inactive payer', () => {
    const inactive = { ...catalog, payer: { id: 'P1', active: false } }
    expect(checkAccountChoice({ payerId: 'P1', recieverId: 'R4' }, none, inactive)).toEqual({
      payer_id: 'inactive',
      reciever_id: 'no-pay-way',
    })
  })

  it('keeps ids DMS no longer lists only when they are unchanged', () => {
    const current = { payerId: 'OLD-P', recieverId: 'OLD-R' }
    expect(checkAccountChoice(current, current, catalog)).toEqual({})
    expect(checkAccountChoice({ payerId: 'X', recieverId: 'Y' }, current, catalog)).toEqual({
      payer_id: 'not-in-dms',
      reciever_id: 'not-in-dms',
    })
  })
})

describe('receiverProblem', () => {
  it('names why an account cannot take payments', () => {
    expect(catalog.receivers.map(receiverProblem)).toEqual([null, null, 'unverified', 'no-pay-way'])
  })
})
