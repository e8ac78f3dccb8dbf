import { describe, expect, it } from 'vitest'
import { dayStartMs } from '../beijing-day'
import {
  EMPTY_FILTER,
  filterToParams,
  parseChargeFilter,
  toChargeQuery,
  type ChargeFilter,
} from './filters'

// 2025-11-26 10:00 in Beijing (a Wednesday) = 02:00 UTC.
const NOW = Date.UTC(2025, 10, 26, 2, 0)

describe('parseChargeFilter', () => {
  it('reads an empty URL as no filter', () => {
    expect(parseChargeFilter(new URLSearchParams())).toEqual({ filter: EMPTY_FILTER, invalid: [] })
  })

  it('reads every field, from a URL or from Next’s searchParams object', () => {
    const expected: ChargeFilter = {
      preset: null,
      from: '2025-11-01',
      to: '2025-11-25',
      statuses: ['paid', 'failed'],
      payWays: ['SCAN_ALIPAY'],
      stationId: 'st-1',
      cashierId: 'u-1',
      minFen: 1050,
      maxFen: 200000,
      q: 'WX-0007',
    }
    const url = new URLSearchParams(
      'from=2025-11-01&to=2025-11-25&status=paid&status=failed&pay_way=SCAN_ALIPAY&station=st-1' +
        '&cashier=u-1&min=10.5&max=2,000&q=%20WX-0007%20',
    )
    expect(parseChargeFilter(url)).toEqual({ filter: expected, invalid: [] })
    const record = {
      from: '2025-11-01',
      to: '2025-11-25',
      status: ['paid', 'failed'],
      pay_way: 'SCAN_ALIPAY',
      station: 'st-1',
      cashier: 'u-1',
      min: '10.5',
      max: '2,000',
      q: 'WX-0007',
    }
    expect(parseChargeFilter(record)).toEqual({ filter: expected, invalid: [] })
  })

  it('accepts comma lists and drops duplicates', () => {
    const { filter } = parseChargeFilter(new URLSearchParams('status=paid,unknown&status=paid'))
    expect(filter.statuses).toEqual(['paid', 'unknown'])
  })

  it('parses amounts exactly, full-width digits included', () => {
    const { filter } = parseChargeFilter({ min: '0.29', max: '１２８．５０' })
    expect([filter.minFen, filter.maxFen]).toEqual([29, 12850])
    expect(parseChargeFilter({ min: '0' }).filter.minFen).toBe(0)
  })

  it('drops and reports bad values, keeping the good ones', () => {
    const { filter, invalid } = parseChargeFilter({
      status: ['paid', 'lost'],
      pay_way: 'CASH',
      from: '2025-02-30',
      min: '1.234',
      max: '-5',
      station: "x' or 1=1",
      q: 'x'.repeat(65),
      cashier: 'u-1',
    })
    expect(invalid.sort()).toEqual(['from', 'max', 'min', 'pay_way', 'q', 'station', 'status'])
    expect(filter).toEqual({ ...EMPTY_FILTER, cashierId: 'u-1' })
  })

  it('reports a reversed range instead of returning nothing', () => {
    expect(parseChargeFilter({ from: '2025-11-20', to: '2025-11-01' })).toMatchObject({
      filter: { from: '2025-11-20', to: null },
      invalid: ['to'],
    })
    expect(parseChargeFilter({ min: '20', max: '10' })).toMatchObject({
      filter: { minFen: 2000, maxFen: null },
      invalid: ['max'],
    })
  })

  it('refuses a day with no next day it can reckon (9999-12-31) instead of failing the page', () => {
    // The list, its chart and the export all read the day after `to`; past year 9999 that day has no
    // YYYY-MM-DD text, and reading it threw: the page and the export answered 500.
    const { filter, invalid } = parseChargeFilter({ from: '9999-12-31', to: '9999-12-31' })
    expect(invalid).toEqual(['from', 'to'])
    expect(() => toChargeQuery(filter, NOW)).not.toThrow()
    expect(parseChargeFilter({ to: '9999-12-30' })).toMatchObject({
      filter: { to: '9999-12-30' },
      invalid: [],
    })
    expect(toChargeQuery(parseChargeFilter({ to: '9999-12-30' }).filter, NOW).createdBefore).toBe(
      dayStartMs('9999-12-31'),
    )
  })

  it('lets a quick pick win over explicit days', () => {
    const { filter } = parseChargeFilter({ range: 'week', from: '2020-01-01', to: 'junk' })
    expect(filter).toMatchObject({ preset: 'week', from: null, to: null })
  })

  it('refuses a key given twice where one value is expected', () => {
    expect(parseChargeFilter(new URLSearchParams('station=a&station=b')).invalid).toEqual([
      'station',
    ])
  })
})

describe('the search text', () => {
  it('reads full-width letters and digits as the half-width a bill is stored in', () => {
    const { filter, invalid } = parseChargeFilter({ q: 'ＷＸ２０２６－０００７' })
    expect(invalid).toEqual([])
    expect(filter.q).toBe('WX2026-0007')
  })
})

describe('filterToParams', () => {
  it('round-trips through the URL', () => {
    const f: ChargeFilter = {
      ...EMPTY_FILTER,
      from: '2025-11-01',
      statuses: ['unknown', 'paid'],
      payWays: ['SCAN_WEIXIN'],
      minFen: 5,
      maxFen: 1234567,
      q: '1285453080879468544',
    }
    expect(parseChargeFilter(filterToParams(f))).toEqual({ filter: f, invalid: [] })
    const preset = { ...EMPTY_FILTER, preset: 'month' as const }
    expect(filterToParams(preset).toString()).toBe('range=month')
  })
})

describe('toChargeQuery', () => {
  it('turns Beijing days into [start, next day start) in epoch ms', () => {
    const q = toChargeQuery({ ...EMPTY_FILTER, from: '2025-11-01', to: '2025-11-25' }, NOW)
    expect(q.createdFrom).toBe(Date.UTC(2025, 9, 31, 16)) // 2025-11-01 00:00 +08:00
    expect(q.createdBefore).toBe(Date.UTC(2025, 10, 25, 16)) // 2025-11-26 00:00 +08:00
  })

  it('resolves quick picks against now, in Beijing time', () => {
    const at = (preset: ChargeFilter['preset']) => {
      const q = toChargeQuery({ ...EMPTY_FILTER, preset }, NOW)
      return [q.createdFrom, q.createdBefore]
    }
    expect(at('today')).toEqual([dayStartMs('2025-11-26'), dayStartMs('2025-11-27')])
    expect(at('yesterday')).toEqual([dayStartMs('2025-11-25'), dayStartMs('2025-11-26')])
    expect(at('week')).toEqual([dayStartMs('2025-11-24'), dayStartMs('2025-11-27')]) // from Monday
    expect(at('month')).toEqual([dayStartMs('2025-11-01'), dayStartMs('2025-11-27')])
  })

  it('uses the Beijing date, not UTC, just after midnight in Beijing', () => {
    const justAfter = Date.UTC(2025, 10, 30, 16, 5) // 2025-12-01 00:05 in Beijing
    const q = toChargeQuery({ ...EMPTY_FILTER, preset: 'month' }, justAfter)
    expect(q.createdFrom).toBe(dayStartMs('2025-12-01'))
  })
})
