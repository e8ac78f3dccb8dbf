import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadForever } from './deferred'

/** A load that fails `failures` times, then gives `value`; it records when each attempt was made. */
function flaky<T>(failures: number, value: T) {
  const attempts: number[] = []
  const load = () => {
    attempts.push(Date.now())
    return attempts.length > failures
      ? Promise.resolve(value)
      : Promise.reject(new Error('chunk load failed'))
  }
  return { load, attempts }
}

describe('loadForever', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 })
    vi.stubGlobal('window', new EventTarget())
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('is read at once by React once it has its value: pending, then fulfilled with it', async () => {
    const { load } = flaky(0, 'part')
    const p = loadForever(load)
    expect(p.status).toBe('pending')
    await expect(p).resolves.toBe('part')
    expect(p).toMatchObject({ status: 'fulfilled', value: 'part' })
  })

  it('never rejects: a failed load is tried again, the wait doubling up to 30 s', async () => {
    const { load, attempts } = flaky(8, 'part')
    const p = loadForever(load)
    let settled = false
    void p.then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(120_000)
    expect(attempts.length).toBe(9)
    expect(settled).toBe(true)
    await expect(p).resolves.toBe('part')
    const waits = attempts.slice(1).map((at, i) => at - attempts[i]!)
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000])
  })

  it('tries again the moment the browser is back online, without waiting out the back-off', async () => {
    const { load, attempts } = flaky(1, 'part')
    const p = loadForever(load)
    await vi.advanceTimersByTimeAsync(100)
    expect(attempts).toEqual([0])
    window.dispatchEvent(new Event('online'))
    await expect(p).resolves.toBe('part')
    expect(attempts).toEqual([0, 100])
    // The back-off's own timer was cleared: no third attempt comes later.
    await vi.advanceTimersByTimeAsync(60_000)
    expect(attempts.length).toBe(2)
  })
})
