import { overrideEnv } from '@/lib/env'
import { describe, expect, it } from 'vitest'
import { parseChinaTime } from './china-time'

describe('parseChinaTime', () => {
  it('reads "yyyy-MM-dd HH:mm:ss" as UTC+8', () => {
    expect(parseChinaTime('2024-03-01 09:30:15')?.toISOString()).toBe('2024-03-01T01:30:15.000Z')
  })

  it('crosses the date line back into the previous UTC day', () => {
    expect(parseChinaTime('2024-01-01 07:59:59')?.toISOString()).toBe('2023-12-31T23:59:59.000Z')
  })

  it('has no daylight saving: a July time is also UTC+8', () => {
    expect(parseChinaTime('2024-07-15 12:00:00')?.toISOString()).toBe('2024-07-15T04:00:00.000Z')
  })

  it('accepts a T separator and surrounding spaces', () => {
    expect(parseChinaTime(' 2024-03-01T09:30:15 ')?.toISOString()).toBe('2024-03-01T01:30:15.000Z')
  })

  it.each([[''], ['  '], [null], [undefined], ['0000-00-00 00:00:00']])('%j → null', (v) => {
    expect(parseChinaTime(v)).toBeNull()
  })

  it.each([
    ['2024-02-30 10:00:00'],
    ['2024-13-01 10:00:00'],
    ['2024-03-01 24:00:00'],
    ['yesterday'],
    ['2024-03-01'],
    [1709256615],
    [{}],
  ])('%j is not a valid time', (v) => {
    expect(parseChinaTime(v)).toBeUndefined()
  })

  it('does not depend on the server time zone', () => {
    const restore = overrideEnv({ TZ: 'America/New_York' })
    try {
      expect(parseChinaTime('2024-03-10 12:00:00')?.toISOString()).toBe('2024-03-10T04:00:00.000Z')
    } finally {
      restore()
    }
  })
})
