import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { listAudit, recordAudit, recordAuditBy } from './repo'
import { SEED_ACTOR, SYSTEM_ACTOR } from './types'

describeDialects('audit log', (target) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await target.open()
    for (let i = 1; i <= 25; i++) {
      await recordAudit(
        { actorKind: 'cli', actorName: 'cli', action: 'test.n', target: `n:${i}`, detail: { i } },
        t.db,
      )
    }
  })
  afterAll(() => t.close())

  it('pages newest first without gaps or overlaps', async () => {
    const seen: string[] = []
    let before: number | null | undefined
    const sizes: number[] = []
    do {
      const page = await listAudit({ before, limit: 10 }, t.db)
      sizes.push(page.entries.length)
      seen.push(...page.entries.map((e) => e.target ?? ''))
      before = page.nextBefore
    } while (before !== null)
    expect(sizes).toEqual([10, 10, 5])
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `n:${25 - i}`))
  })

  it('says there is no next page when the last page is exactly full', async () => {
    const page = await listAudit({ limit: 25 }, t.db)
    expect(page.entries).toHaveLength(25)
    expect(page.nextBefore).toBeNull()
  })

  it('keeps every field, detail as JSON', async () => {
    await recordAuditBy(
      { kind: 'user', id: 'u-9', name: 'manager', ip: '192.168.1.20' },
      {
        action: 'test.full',
        target: 'x',
        detail: { nested: { ok: true }, list: [1, '2'] },
        at: 1_795_000_000_001,
      },
      t.db,
    )
    const [entry] = (await listAudit({ limit: 1 }, t.db)).entries
    expect(entry).toEqual({
      id: expect.any(Number),
      at: 1_795_000_000_001,
      actorKind: 'user',
      actorId: 'u-9',
      actorName: 'manager',
      action: 'test.full',
      target: 'x',
      detail: { nested: { ok: true }, list: [1, '2'] },
      ip: '192.168.1.20',
    })
  })

  it('keeps who the actor is apart from the name it recorded', async () => {
    // A sign-in typed as "system" stays a sign-in; the system's own entry is the system's.
    await recordAudit(
      { actorKind: 'sign-in', actorName: 'system', action: 'auth.sign-in-failed', at: 1 },
      t.db,
    )
    await recordAuditBy(SYSTEM_ACTOR, { action: 'station.create', target: 'station:s' }, t.db)
    await recordAuditBy(SEED_ACTOR, { action: 'user.create', target: 'user:admin' }, t.db)
    const entries = (await listAudit({ limit: 3 }, t.db)).entries
    expect(entries.map((e) => [e.actorKind, e.actorName, e.action])).toEqual([
      ['seed', 'seed', 'user.create'],
      ['system', 'system', 'station.create'],
      ['sign-in', 'system', 'auth.sign-in-failed'],
    ])
  })

  it('clamps the page size', async () => {
    expect((await listAudit({ limit: 0 }, t.db)).entries).toHaveLength(1)
    expect((await listAudit({ limit: 10_000 }, t.db)).entries.length).toBeLessThanOrEqual(200)
  })
})
