import bcrypt from 'bcryptjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '@/lib/audit/repo'
import { CLI_ACTOR } from '@/lib/audit/types'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { UserError } from './errors'
import { addUser, changeUserRole, endSessions, resetUserPassword, setUserEnabled } from './manage'
import { BCRYPT_COST, DUMMY_HASH, hashPassword, verifyPassword } from './password'
import * as repo from './repo'
import { newUserSchema } from './schemas'

const COST = 4 // fast hashes for tests

describe('password hashing', () => {
  it('hashes with cost 12 by default and verifies', async () => {
    const hash = await hashPassword('correct horse')
    expect(bcrypt.getRounds(hash)).toBe(12)
    expect(await verifyPassword('correct horse', hash)).toBe(true)
    expect(await verifyPassword('wrong horse', hash)).toBe(false)
  })

  it('hashes off the event loop: timers keep firing on time during cost-12 comparisons', async () => {
    const hash = await hashPassword('correct horse')
    let worst = 0
    let ticks = 0
    let last = performance.now()
    const timer = setInterval(() => {
      const now = performance.now()
      worst = Math.max(worst, now - last)
      last = now
      ticks++
    }, 5)
    const started = performance.now()
    await Promise.all([1, 2, 3].map(() => verifyPassword('wrong horse', hash)))
    const took = performance.now() - started
    clearInterval(timer)
    // The three comparisons took real time (so the timer had the chance to be starved)…
    expect(took).toBeGreaterThan(100)
    expect(ticks).toBeGreaterThan(10)
    // …and the event loop kept turning: on average a tick every few ms, where bcryptjs's 100 ms
    // slices would allow one per 100 ms and a hash on the main thread none until it ended. The
    // average, not the worst gap, is what tells them apart on a loaded machine (CI beside other
    // work), where one gap can reach 95 ms with the hashing in its threads (seen).
    expect(took / ticks).toBeLessThan(40)
    expect(worst).toBeLessThan(took / 3)
  })

  it('keeps the dummy hash at the real cost, so failed logins take as long as good ones', () => {
    expect(bcrypt.getRounds(DUMMY_HASH)).toBe(BCRYPT_COST)
  })
})

describe('user input rules', () => {
  const ok = { username: 'Bob.Smith_1', password: 'secret123', role: 'cashier' }
  it('lower-cases and trims usernames', () => {
    expect(newUserSchema.parse({ ...ok, username: '  Bob.Smith_1 ' }).username).toBe('bob.smith_1')
  })
  it.each([
    ['username too short', { username: 'ab' }],
    ['username too long', { username: 'a'.repeat(33) }],
    ['username with a space', { username: 'bob smith' }],
    ['username not ASCII', { username: '小王小王' }],
    ['password too short', { password: '1234567' }],
    ['password too long', { password: 'x'.repeat(129) }],
    ['unknown role', { role: 'boss' }],
  ])('refuses %s', (_, bad) => {
    expect(newUserSchema.safeParse({ ...ok, ...bad }).success).toBe(false)
  })
})

describeDialects('users', (target) => {
  let t: TestDatabase
  const opts = () => ({ db: t.db, bcryptCost: COST })
  beforeAll(async () => {
    t = await target.open()
  })
  afterAll(() => t.close())

  it('creates a user with a lower-cased username, finds it either way', async () => {
    const user = await addUser(
      { username: 'Alice', password: 'secret123', role: 'manager', displayName: '  爱丽丝 ' },
      CLI_ACTOR,
      opts(),
    )
    expect(user).toMatchObject({
      username: 'alice',
      displayName: '爱丽丝',
      role: 'manager',
      disabled: false,
      lastLoginAt: null,
    })
    expect(typeof user.createdAt).toBe('number')
    expect(await repo.findUserByUsername(' ALICE ', t.db)).toEqual(user)
    expect(await repo.findUserById(user.id, t.db)).toEqual(user)
    expect(await repo.findUserById('nope', t.db)).toBeNull()
    expect(user).not.toHaveProperty('passwordHash')
  })

  it('defaults the display name to the username', async () => {
    const user = await addUser(
      { username: 'dan', password: 'secret123', role: 'cashier' },
      CLI_ACTOR,
      opts(),
    )
    expect(user.displayName).toBe('dan')
  })

  it('refuses a duplicate username, whatever its case', async () => {
    await addUser({ username: 'carl', password: 'secret123', role: 'cashier' }, CLI_ACTOR, opts())
    const err = await addUser(
      { username: 'CARL', password: 'secret123', role: 'cashier' },
      CLI_ACTOR,
      opts(),
    ).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UserError)
    expect((err as UserError).code).toBe('duplicate_username')
  })

  it('refuses invalid input with a readable message', async () => {
    const err = await addUser(
      { username: 'eve', password: 'short', role: 'cashier' },
      CLI_ACTOR,
      opts(),
    ).catch((e: unknown) => e)
    expect(err).toMatchObject({
      code: 'invalid_input',
      message: 'Password must be at least 8 characters',
    })
  })

  it('disables, enables, resets passwords and changes roles, with audit entries', async () => {
    await addUser({ username: 'frank', password: 'secret123', role: 'cashier' }, CLI_ACTOR, opts())
    expect((await setUserEnabled('frank', false, CLI_ACTOR, opts())).disabled).toBe(true)
    expect((await setUserEnabled('Frank', true, CLI_ACTOR, opts())).disabled).toBe(false)
    await resetUserPassword('frank', 'another-secret', CLI_ACTOR, opts())
    expect((await changeUserRole('frank', 'manager', CLI_ACTOR, opts())).role).toBe('manager')

    const { entries } = await listAudit({ limit: 50 }, t.db)
    const mine = entries.filter((e) => e.target === 'user:frank').map((e) => e.action)
    expect(mine.reverse()).toEqual([
      'user.create',
      'user.disable',
      'user.enable',
      'user.password_reset',
      'user.role',
    ])
    expect(entries.find((e) => e.action === 'user.role')).toMatchObject({
      actorId: null,
      actorName: 'cli',
      detail: { from: 'cashier', to: 'manager' },
    })
    expect(JSON.stringify(entries)).not.toContain('another-secret')
  })

  it('answers unknown_user for a username that does not exist', async () => {
    for (const call of [
      () => setUserEnabled('ghost', false, CLI_ACTOR, opts()),
      () => resetUserPassword('ghost', 'secret123', CLI_ACTOR, opts()),
      () => changeUserRole('ghost', 'admin', CLI_ACTOR, opts()),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'unknown_user' })
    }
  })

  it('never disables or demotes the last enabled admin', async () => {
    await addUser({ username: 'root1', password: 'secret123', role: 'admin' }, CLI_ACTOR, opts())
    await expect(setUserEnabled('root1', false, CLI_ACTOR, opts())).rejects.toMatchObject({
      code: 'last_admin',
    })
    await expect(changeUserRole('root1', 'manager', CLI_ACTOR, opts())).rejects.toMatchObject({
      code: 'last_admin',
    })
    await addUser({ username: 'root2', password: 'secret123', role: 'admin' }, CLI_ACTOR, opts())
    expect((await setUserEnabled('root1', false, CLI_ACTOR, opts())).disabled).toBe(true)
  })

  it('lists enabled users first, admins first among them', async () => {
    const list = await repo.listUsers(t.db)
    const firstDisabled = list.findIndex((u) => u.disabled)
    expect(list.slice(firstDisabled).every((u) => u.disabled)).toBe(true)
    expect(list[0]?.role).toBe('admin')
  })

  it('records the last login without touching updated_at', async () => {
    const user = (await repo.findUserByUsername('dan', t.db))!
    await repo.touchUserLogin(user.id, 1_795_000_000_000, t.db)
    const after = (await repo.findUserById(user.id, t.db))!
    expect(after.lastLoginAt).toBe(1_795_000_000_000)
    expect(after.updatedAt).toBe(user.updatedAt)
  })

  it('raises the session version on a reset, a disable, a role change and "sign out everywhere" only', async () => {
    const version = async () => (await repo.findUserByUsername('erin', t.db))!.sessionVersion
    await addUser({ username: 'erin', password: 'secret123', role: 'cashier' }, CLI_ACTOR, opts())
    expect(await version()).toBe(0)
    await repo.setUserDisplayName((await repo.findUserByUsername('erin', t.db))!.id, 'E', t.db)
    await repo.touchUserLogin((await repo.findUserByUsername('erin', t.db))!.id, Date.now(), t.db)
    expect(await version()).toBe(0)
    await resetUserPassword('erin', 'another-pass', CLI_ACTOR, opts())
    expect(await version()).toBe(1)
    await changeUserRole('erin', 'manager', CLI_ACTOR, opts())
    expect(await version()).toBe(2)
    await setUserEnabled('erin', false, CLI_ACTOR, opts())
    expect(await version()).toBe(3)
    await setUserEnabled('erin', true, CLI_ACTOR, opts())
    expect(await version()).toBe(4)
    await endSessions('erin', CLI_ACTOR, opts())
    expect(await version()).toBe(5)
    const audit = (await listAudit({}, t.db)).entries.filter(
      (e) => e.action === 'user.sessions_end',
    )
    expect(audit.map((e) => e.target)).toEqual(['user:erin'])
  })
})
