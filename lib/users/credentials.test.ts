import { afterAll, beforeAll, expect, it } from 'vitest'
import { CLI_ACTOR } from '@/lib/audit/types'
import { describeDialects, type TestDatabase } from '@/lib/db/testing/targets'
import { verifyCredentials } from './credentials'
import { addUser, setUserEnabled } from './manage'

describeDialects('verifyCredentials', (target) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await target.open()
    const opts = { db: t.db, bcryptCost: 4 }
    await addUser(
      { username: 'grace', password: 'right-password', role: 'cashier' },
      CLI_ACTOR,
      opts,
    )
    await addUser(
      { username: 'henry', password: 'right-password', role: 'cashier' },
      CLI_ACTOR,
      opts,
    )
    await setUserEnabled('henry', false, CLI_ACTOR, opts)
  })
  afterAll(() => t.close())

  it('returns the user for the right password, whatever the username case', async () => {
    expect(await verifyCredentials('grace', 'right-password', t.db)).toMatchObject({
      username: 'grace',
      role: 'cashier',
    })
    expect(await verifyCredentials(' Grace', 'right-password', t.db)).toMatchObject({
      username: 'grace',
    })
  })

  it('returns null for a wrong password', async () => {
    expect(await verifyCredentials('grace', 'wrong-password', t.db)).toBeNull()
    expect(await verifyCredentials('grace', '', t.db)).toBeNull()
  })

  it('returns null for an unknown or malformed username, after a real bcrypt comparison', async () => {
    const started = performance.now()
    expect(await verifyCredentials('nobody', 'right-password', t.db)).toBeNull()
    // The dummy comparison runs at production cost (12): far slower than a missing-row lookup.
    expect(performance.now() - started).toBeGreaterThan(50)
    expect(await verifyCredentials('no one!', 'right-password', t.db)).toBeNull()
  })

  it('returns null for a disabled user even with the right password', async () => {
    expect(await verifyCredentials('henry', 'right-password', t.db)).toBeNull()
  })
})
