import { describe, expect, it } from 'vitest'
import { compactDetail, parseBefore } from './audit-text'

describe('compactDetail', () => {
  it('prints JSON on one line and cuts long text', () => {
    expect(compactDetail({ from: 'cashier', to: 'manager' })).toEqual({
      short: '{"from":"cashier","to":"manager"}',
      full: '{"from":"cashier","to":"manager"}',
    })
    const long = compactDetail({ text: 'x'.repeat(500) })
    expect(long?.short).toHaveLength(240)
    expect(long?.short.endsWith('…')).toBe(true)
    expect(long?.full).toHaveLength(511)
  })

  it('shows nothing for no detail and plain text as it is', () => {
    expect(compactDetail(null)).toBeNull()
    expect(compactDetail('not json')).toEqual({ short: 'not json', full: 'not json' })
  })
})

describe('parseBefore', () => {
  it('accepts a positive id only', () => {
    expect(parseBefore('42')).toBe(42)
    expect(parseBefore(['7', '8'])).toBe(7)
    for (const bad of [undefined, '', '0', '-1', '1.5', 'abc', '9'.repeat(20)]) {
      expect(parseBefore(bad)).toBeNull()
    }
  })
})
