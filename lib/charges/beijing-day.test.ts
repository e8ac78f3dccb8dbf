import { describe, expect, it } from 'vitest'
import {
  addDays,
  beijingDay,
  beijingDayStart,
  daysBetween,
  dayStartMs,
  isDay,
  presetDays,
} from './beijing-day'

describe('Beijing days', () => {
  it('validates real calendar days only', () => {
    expect(['2024-02-29', '2025-12-31'].map(isDay)).toEqual([true, true])
    expect(['2025-02-29', '2025-13-01', '2025-1-1', '20251101', ''].map(isDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
  })

  it('agrees with beijingDayStart', () => {
    const at = Date.UTC(2025, 10, 25, 17, 30) // 01:30 on the 26th in Beijing
    expect(beijingDay(at)).toBe('2025-11-26')
    expect(dayStartMs('2025-11-26')).toBe(beijingDayStart(at))
  })

  it('steps over month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(daysBetween('2025-11-29', '2025-12-02')).toEqual([
      '2025-11-29',
      '2025-11-30',
      '2025-12-01',
      '2025-12-02',
    ])
  })

  it('starts weeks on Monday, also on a Sunday', () => {
    const sunday = Date.UTC(2025, 10, 30, 4) // Sunday 2025-11-30, noon in Beijing
    expect(presetDays('week', sunday)).toEqual({ from: '2025-11-24', to: '2025-11-30' })
    const monday = Date.UTC(2025, 10, 23, 16, 1) // Monday 2025-11-24, 00:01 in Beijing
    expect(presetDays('week', monday)).toEqual({ from: '2025-11-24', to: '2025-11-24' })
  })
})
