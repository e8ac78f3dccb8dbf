import { describe, expect, it } from 'vitest'
import { durationsFromReports, planShards, specFiles } from './shard-plan'

describe('planShards', () => {
  it('deals every spec exactly once, longest first to the lightest shard', () => {
    const durations = { 'a.spec.ts': 100, 'b.spec.ts': 60, 'c.spec.ts': 50, 'd.spec.ts': 40 }
    const plan = planShards(Object.keys(durations), durations, 2)
    expect(plan.map((s) => s.specs)).toEqual([
      ['a.spec.ts', 'd.spec.ts'],
      ['b.spec.ts', 'c.spec.ts'],
    ])
    expect(plan.map((s) => s.seconds)).toEqual([140, 110])
  })

  it('beats dealing by count when a few specs are long', () => {
    const durations: Record<string, number> = { 'long1.spec.ts': 300, 'long2.spec.ts': 280 }
    for (let i = 0; i < 10; i++) durations[`short${i}.spec.ts`] = 20
    const plan = planShards(Object.keys(durations), durations, 2)
    expect(plan.flatMap((s) => s.specs).sort()).toEqual(Object.keys(durations).sort())
    const [slow, fast] = plan.map((s) => s.seconds).sort((a, b) => b - a)
    expect(slow! - fast!).toBeLessThanOrEqual(20)
  })

  it('counts a spec with no figure as the longest known, so it never hides in a full shard', () => {
    const plan = planShards(
      ['new.spec.ts', 'a.spec.ts', 'b.spec.ts'],
      { 'a.spec.ts': 50, 'b.spec.ts': 10 },
      2,
    )
    // Counted as 50 s, the new spec gets a shard to itself; counted as nothing, it would join a.
    expect(plan.find((s) => s.specs.includes('new.spec.ts'))).toEqual({
      specs: ['new.spec.ts'],
      seconds: 50,
    })
  })

  it('leaves no empty shard and refuses a shard count that is not a whole number ≥ 1', () => {
    expect(planShards(['a.spec.ts'], {}, 3)).toHaveLength(1)
    expect(() => planShards(['a.spec.ts'], {}, 0)).toThrow(/shards/)
  })
})

describe('durationsFromReports', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString()
  // One shard's report: each result as [file, start s, duration s]; the report ran from 0 to `end`.
  const report = (end: number, results: [string, number, number][]) => ({
    stats: { startTime: at(0), duration: end * 1000 },
    suites: [
      {
        suites: results.map(([file, start, duration]) => ({
          file,
          specs: [
            { file, tests: [{ results: [{ startTime: at(start), duration: duration * 1000 }] }] },
          ],
        })),
      },
    ],
  })

  it('counts a file from its first test to the next file’s first test: hooks and fixtures included', () => {
    // a: its beforeAll ran 10 s inside the first test's window, which its duration (2 s) left out.
    const shard = report(60, [
      ['auth.setup.ts', 1, 3],
      ['a.spec.ts', 5, 2],
      ['a.spec.ts', 17, 3],
      ['b.spec.ts', 21, 4],
      ['b.spec.ts', 25, 4],
    ])
    // b, the last of its shard, runs to the report's end (its afterAll and worker fixtures' teardown).
    expect(durationsFromReports([shard])).toEqual({ 'a.spec.ts': 16, 'b.spec.ts': 39 })
  })

  it('adds a file’s parts over several reports, whatever order they list results in', () => {
    const one = report(30, [
      ['x.spec.ts', 20, 1],
      ['a.spec.ts', 2, 1],
    ])
    const two = report(12, [['a.spec.ts', 4, 1]])
    expect(durationsFromReports([one, two])).toEqual({ 'a.spec.ts': 26, 'x.spec.ts': 10 })
  })
})

describe('the committed figures', () => {
  it('name only spec files that exist', async () => {
    const { readFileSync } = await import('node:fs')
    const durations = JSON.parse(readFileSync('tests/e2e/durations.json', 'utf8')) as object
    const specs = specFiles()
    expect(specs.length).toBeGreaterThan(20)
    expect(Object.keys(durations).filter((name) => !specs.includes(name))).toEqual([])
  })
})
