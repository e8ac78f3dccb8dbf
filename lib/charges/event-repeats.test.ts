import { describe, expect, it } from 'vitest'
import { repeatedEventId, type RecentEvent } from './event-repeats'
import { retryDelay, closeDue, MAX_RETRY_DELAY_MS } from './backoff'

const ev = (id: number, type: string, dmsCode: number | null = null): RecentEvent => ({
  id,
  type,
  dmsCode,
})

describe('repeated events', () => {
  it.each<[string, RecentEvent[], { type: string; dmsCode: number | null }, number | null]>([
    [
      'a close refused again',
      [ev(9, 'close-failed', 1500)],
      { type: 'close-failed', dmsCode: 1500 },
      9,
    ],
    [
      'a close refused with another code',
      [ev(9, 'close-failed', 1500)],
      { type: 'close-failed', dmsCode: 3000 },
      null,
    ],
    [
      'a query rejected again, past a refused close',
      [ev(9, 'close-failed', 1500), ev(8, 'query-rejected', 1004)],
      { type: 'query-rejected', dmsCode: 1004 },
      8,
    ],
    [
      'a close refused after the charge moved',
      [ev(9, 'scanned'), ev(8, 'close-failed', 1500)],
      { type: 'close-failed', dmsCode: 1500 },
      null,
    ],
    [
      'the first of its kind',
      [ev(9, 'cancel-requested')],
      { type: 'close-failed', dmsCode: 1500 },
      null,
    ],
    ['no events yet', [], { type: 'check-failed', dmsCode: null }, null],
    ['checks failing again', [ev(4, 'check-failed')], { type: 'check-failed', dmsCode: null }, 4],
    ['an event that never repeats', [ev(9, 'paid')], { type: 'paid', dmsCode: null }, null],
    [
      'a transition after the same transition',
      [ev(9, 'scanned')],
      { type: 'scanned', dmsCode: null },
      null,
    ],
  ])('%s', (_, recent, next, expected) => {
    expect(repeatedEventId(recent, next)).toBe(expected)
  })
})

describe('back-off', () => {
  it('doubles the interval per failure, up to five minutes', () => {
    expect(retryDelay(0, 2000)).toBe(2000)
    expect([1, 2, 3, 4].map((f) => retryDelay(f, 2000))).toEqual([4000, 8000, 16000, 32000])
    expect(retryDelay(8, 2000)).toBe(MAX_RETRY_DELAY_MS)
    expect(retryDelay(1000, 2000)).toBe(MAX_RETRY_DELAY_MS)
  })

  it('lets a close go at once the first time, then only after the wait', () => {
    expect(closeDue({ closeRetryAt: null }, 1000)).toBe(true)
    expect(closeDue({ closeRetryAt: 5000 }, 4999)).toBe(false)
    expect(closeDue({ closeRetryAt: 5000 }, 5000)).toBe(true)
  })
})
