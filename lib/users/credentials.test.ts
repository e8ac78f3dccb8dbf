import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { CLI_ACTOR } from '@/lib/audit/types'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { bcryptThread } from './bcrypt-thread'
import { verifyCredentials } from './credentials'
import { addUser, setUserEnabled } from './manage'
import { BCRYPT_COST, DUMMY_HASH } from './password'

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
    // What is compared, not how long it took: one comparison against the dummy hash, which has the
    // production cost, so the answer takes as long as for a real user on any machine.
    const compare = vi.spyOn(bcryptThread, 'compare')
    try {
      expect(await verifyCredentials('nobody', 'right-password', t.db)).toBeNull()
      expect(await verifyCredentials('no one!', 'right-password', t.db)).toBeNull()
      expect(compare.mock.calls).toEqual([
        ['right-password', DUMMY_HASH],
        ['right-password', DUMMY_HASH],
      ])
      expect(DUMMY_HASH.startsWith(`$2b$${BCRYPT_COST}$`)).toBe(true)
    } finally {
      compare.mockRestore()
    }
  })

  it('returns null for a disabled user even with the right password', async () => {
    expect(await verifyCredentials('henry', 'right-password', t.db)).toBeNull()
  })
})
