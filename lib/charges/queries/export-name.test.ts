import { describe, expect, it } from 'vitest'
import { exportFileName } from './export-name'

describe('exportFileName', () => {
  const today = '2026-12-05'
  it.each([
    [{ from: '2026-12-05', to: '2026-12-05' }, 'csv', 'charges-2026-12-05.csv'],
    [{ from: '2026-11-30', to: '2026-12-06' }, 'csv', 'charges-2026-11-30_2026-12-06.csv'],
    [{ from: '2026-12-01', to: null }, 'xlsx', 'charges-2026-12-01_2026-12-05.xlsx'],
    [{ from: null, to: '2026-11-30' }, 'csv', 'charges-until-2026-11-30.csv'],
    [{ from: null, to: null }, 'xlsx', 'charges-all-2026-12-05.xlsx'],
  ] as const)('names %j as %s → %s', (days, extension, name) => {
    expect(exportFileName(days, today, extension)).toBe(name)
  })
})
