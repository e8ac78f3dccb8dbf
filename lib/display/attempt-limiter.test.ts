import { describe, expect, it } from 'vitest'
import { AttemptLimiter } from './attempt-limiter'

describe('wrong pairing code limiter', () => {
  const opts = { windowMs: 60_000, perKey: 3, total: 5 }

  it('blocks an address after its wrong attempts, until the window passes', () => {
    const l = new AttemptLimiter(opts)
    for (let i = 0; i < 3; i++) {
      expect(l.allowed('a', 1000)).toBe(true)
      l.fail('a', 1000)
    }
    expect(l.allowed('a', 1000)).toBe(false)
    expect(l.allowed('b', 1000)).toBe(true)
    expect(l.allowed('a', 61_000)).toBe(true)
  })

  it('blocks everyone once the total is reached (addresses are easy to vary)', () => {
    const l = new AttemptLimiter(opts)
    for (let i = 0; i < 5; i++) l.fail(`ip-${i}`, 1000)
    expect(l.allowed('fresh', 1000)).toBe(false)
    expect(l.allowed('fresh', 61_000)).toBe(true)
  })

  it('forgets the oldest addresses beyond its memory', () => {
    const l = new AttemptLimiter({ ...opts, total: 1000, maxKeys: 2 })
    for (let i = 0; i < 3; i++) l.fail('a', 1000)
    l.fail('b', 1000)
    l.fail('c', 1000)
    expect(l.allowed('a', 1000)).toBe(true)
  })
})
