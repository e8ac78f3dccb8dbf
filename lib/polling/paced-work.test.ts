import { describe, expect, it } from 'vitest'
import { paced } from './paced-work'

const turn = () => new Promise((r) => setImmediate(r))

describe('paced', () => {
  it('runs every job, in arrival order, never in the caller’s own turn', async () => {
    const ran: number[] = []
    for (let i = 0; i < 100; i++) paced(() => ran.push(i))
    expect(ran).toEqual([])
    while (ran.length < 100) await turn()
    expect(ran).toEqual(Array.from({ length: 100 }, (_, i) => i))
  })

  it('yields to the event loop once a turn has spent its budget', async () => {
    const turnOf: number[] = []
    let turns = 0
    let counting = true
    const count = () => {
      turns++
      if (counting) setImmediate(count)
    }
    setImmediate(count)
    const busy = () => {
      const until = performance.now() + 3
      while (performance.now() < until);
    }
    for (let i = 0; i < 6; i++)
      paced(() => {
        busy()
        turnOf.push(turns)
      })
    while (turnOf.length < 6) await turn()
    counting = false
    // 3 ms or more each against a 4 ms budget: the turn breaks after the second job at the latest
    // (a slow machine may break after the first), so never more than two a turn and at least three turns.
    const perTurn = new Map<number, number>()
    for (const t of turnOf) perTurn.set(t, (perTurn.get(t) ?? 0) + 1)
    expect(turnOf).toHaveLength(6)
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(2)
    expect(perTurn.size).toBeGreaterThanOrEqual(3)
  })
})
