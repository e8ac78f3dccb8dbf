import { describe, expect, it } from 'vitest'
import { CHARGE_STATUSES } from '@/lib/charges/status'
import { chargeLook, countsDown, outcomeShowsAmount } from './charge-look'

describe('chargeLook', () => {
  it('gives each situation its own look', () => {
    const look = (status: (typeof CHARGE_STATUSES)[number], cancelRequested = false) =>
      chargeLook({ status, cancelRequested })
    expect(look('creating')).toBe('creating')
    expect(look('pending')).toBe('waiting')
    expect(look('paying')).toBe('confirming')
    expect(look('unknown')).toBe('unknown')
    // A cancel requested, not yet confirmed by DMS: the status is still open, the look is not waiting.
    expect(look('pending', true)).toBe('cancelling')
    expect(look('paying', true)).toBe('cancelling')
    expect(look('unknown', true)).toBe('cancelling')
    // This screen's switch closes the QR first: its cancel is the switch's, said as such.
    expect(chargeLook({ status: 'pending', cancelRequested: true }, true)).toBe('switching')
    expect(chargeLook({ status: 'paying', cancelRequested: true }, true)).toBe('switching')
    // Pressed, its close not yet asked for: the QR is still payable and still shown.
    expect(chargeLook({ status: 'pending', cancelRequested: false }, true)).toBe('waiting')
    expect(chargeLook({ status: 'closed', cancelRequested: true }, true)).toBe('ended')
    for (const s of ['paid', 'failed', 'closed', 'refunded', 'refused'] as const) {
      expect(look(s)).toBe('ended')
      expect(look(s, true)).toBe('ended')
    }
  })

  it('counts down only while the customer can still pay', () => {
    const counting = (
      ['creating', 'waiting', 'confirming', 'cancelling', 'switching', 'unknown', 'ended'] as const
    ).filter(countsDown)
    expect(counting).toEqual(['waiting', 'confirming'])
  })

  it('leaves the amount to the outcome panel only where that panel shows it', () => {
    expect(CHARGE_STATUSES.filter(outcomeShowsAmount)).toEqual([
      'paid',
      'failed',
      'closed',
      'refunded',
    ])
  })
})
