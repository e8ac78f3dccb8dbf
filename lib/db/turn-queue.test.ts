import { describe, expect, it } from 'vitest'
import { TurnQueue } from './turn-queue'

describe('TurnQueue', () => {
  it('grants at once when free, then hands over in arrival order', async () => {
    const q = new TurnQueue()
    const order: number[] = []
    await q.take()
    const waiters = [1, 2, 3].map((n) => q.take().then(() => order.push(n)))
    expect(q.waiting).toBe(3)
    for (let i = 0; i < 3; i++) {
      q.pass()
      await Promise.resolve()
      await Promise.resolve()
    }
    await Promise.all(waiters)
    expect(order).toEqual([1, 2, 3])
    q.pass()
    expect(q.waiting).toBe(0)
    // Free again: the next take does not wait.
    let got = false
    void q.take().then(() => (got = true))
    await Promise.resolve()
    expect(got).toBe(true)
  })

  it('keeps one holder at a time under many concurrent callers', async () => {
    const q = new TurnQueue()
    let inside = 0
    let most = 0
    await Promise.all(
      Array.from({ length: 3000 }, async () => {
        await q.take()
        inside++
        most = Math.max(most, inside)
        await new Promise((r) => setImmediate(r))
        inside--
        q.pass()
      }),
    )
    expect(most).toBe(1)
    expect(q.waiting).toBe(0)
  })
})
