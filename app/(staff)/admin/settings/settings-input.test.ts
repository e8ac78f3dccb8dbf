import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { settingsFormSchema, timeoutSeconds, TIMEOUT_MINUTES } from './settings-input'

const valid = {
  shop_name: ' 老王汽修 ',
  language: 'en',
  cashier_timeout_min: '5',
  max_amount: '¥1,234.50',
  speak_paid: 'on',
}

function errors(values: Record<string, string>) {
  const r = settingsFormSchema.safeParse(values)
  return r.success ? {} : z.flattenError(r.error).fieldErrors
}

describe('settingsFormSchema', () => {
  it('turns the form into stored units: fen exactly, minutes kept for timeoutSeconds', () => {
    expect(settingsFormSchema.parse(valid)).toEqual({
      shopName: '老王汽修',
      language: 'en',
      cashierTimeoutMin: 5,
      maxAmountFen: 123_450,
      speakPaid: true,
    })
  })

  it('reads an absent checkbox as off and full-width minutes as digits', () => {
    const unticked: Record<string, string> = { ...valid, cashier_timeout_min: '１５' }
    delete unticked.speak_paid
    const r = settingsFormSchema.parse(unticked)
    expect(r.speakPaid).toBe(false)
    expect(r.cashierTimeoutMin).toBe(15)
  })

  it('parses the amount with parseYuan, so 0.1 + 0.2 style errors cannot happen', () => {
    expect(settingsFormSchema.parse({ ...valid, max_amount: '100000.01' }).maxAmountFen).toBe(
      10_000_001,
    )
  })

  it('names what is wrong with each field', () => {
    expect(
      errors({
        shop_name: '',
        language: 'fr',
        cashier_timeout_min: '1.5',
        max_amount: '12.345',
      }),
    ).toEqual({
      shop_name: ['too_small'],
      language: ['invalid_value'],
      cashier_timeout_min: ['format'],
      max_amount: ['too-many-decimals'],
    })
    expect(errors({ ...valid, cashier_timeout_min: '0', max_amount: '10000000.01' })).toEqual({
      cashier_timeout_min: ['range'],
      max_amount: ['too-large'],
    })
    expect(errors({ ...valid, cashier_timeout_min: ' ', max_amount: '-5' })).toEqual({
      cashier_timeout_min: ['empty'],
      max_amount: ['negative'],
    })
  })

  it('takes 1 to 60 minutes', () => {
    expect(TIMEOUT_MINUTES).toEqual({ min: 1, max: 60 })
    expect(errors({ ...valid, cashier_timeout_min: '60' })).toEqual({})
    expect(errors({ ...valid, cashier_timeout_min: '61' })).toEqual({
      cashier_timeout_min: ['range'],
    })
  })
})

describe('timeoutSeconds', () => {
  it('keeps a stored value the form showed rounded, and converts a changed one', () => {
    expect(timeoutSeconds(2, 90)).toBe(90)
    expect(timeoutSeconds(3, 90)).toBe(180)
    expect(timeoutSeconds(5, 300)).toBe(300)
  })
})
