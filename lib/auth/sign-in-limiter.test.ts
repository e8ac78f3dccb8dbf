import { afterEach, beforeEach, expect, it } from 'vitest'
import { createDb } from '@/lib/db/connection'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { createSignInLimiter, SIGN_IN_LIMITS, type LimitRule } from './sign-in-limiter'

const WINDOW_MS = 15 * 60_000

describeDialects('sign-in limiter', (target) => {
  let t: TestDatabase
  let clock = 0
  beforeEach(async () => {
    t = await target.open()
    clock = Date.parse('2025-06-01T10:00:00Z')
  })
  afterEach(() => t.close())

  const limiter = (limits: { perUsername: LimitRule; perAddress: LimitRule } = SIGN_IN_LIMITS) =>
    createSignInLimiter(limits, { db: () => t.db, now: () => clock })

  /** `n` attempts that all turn out wrong (the limiter only sees attempts; failure is not reported). */
  async function fail(l: ReturnType<typeof limiter>, n: number, user = 'bob') {
    const gates = []
    for (let i = 0; i < n; i++) gates.push(await l.attempt(user, '10.0.0.1'))
    return gates
  }

  it('lets five wrong attempts through and refuses the sixth, for 15 minutes', async () => {
    const l = limiter()
    const gates = await fail(l, 5)
    expect(gates.every((g) => g.ok)).toBe(true)
    const sixth = await l.attempt('bob', '10.0.0.1')
    expect(sixth).toMatchObject({ ok: false, scope: 'username', firstRefusal: true })
    expect(!sixth.ok && sixth.retryAfterMs).toBe(WINDOW_MS)

    clock += WINDOW_MS - 60_000
    const later = await l.attempt('bob', '10.0.0.1')
    expect(later).toMatchObject({ ok: false, firstRefusal: false, retryAfterMs: 60_000 })

    clock += 60_000
    expect(await l.attempt('bob', '10.0.0.1')).toEqual({ ok: true })
  })

  it('is kept in the database: another process (a second limiter, connection) sees the count', async () => {
    await fail(limiter(), 5)
    const other = createDb(t.options).db
    try {
      const second = createSignInLimiter(SIGN_IN_LIMITS, { db: () => other, now: () => clock })
      expect(await second.attempt('bob', '10.0.0.9')).toMatchObject({
        ok: false,
        scope: 'username',
      })
    } finally {
      await other.destroy()
    }
  })

  it('counts every one of many parallel attempts (no guess slips through between read and write)', async () => {
    const l = limiter()
    const gates = await Promise.all(
      Array.from({ length: 30 }, (_, i) => l.attempt('bob', `10.0.1.${i}`)),
    )
    expect(gates.filter((g) => g.ok)).toHaveLength(5)
    expect(gates.filter((g) => !g.ok && g.firstRefusal)).toHaveLength(1)
  })

  it('counts the username case-insensitively and from any address', async () => {
    const l = limiter()
    for (let i = 0; i < 5; i++) await l.attempt(i % 2 ? 'BOB' : ' bob ', `10.0.0.${i}`)
    expect(await l.attempt('Bob', '10.9.9.9')).toMatchObject({ ok: false, scope: 'username' })
  })

  it('treats a name that does not exist exactly like one that does', async () => {
    const l = limiter()
    await fail(l, 5, 'no-such-user')
    expect(await l.attempt('no-such-user', '10.0.0.1')).toMatchObject({
      ok: false,
      scope: 'username',
    })
  })

  it('starts the account over after a right password, and gives the address its attempt back', async () => {
    const l = limiter({
      perUsername: SIGN_IN_LIMITS.perUsername,
      perAddress: { points: 6, windowSec: 900 },
    })
    await fail(l, 4)
    expect(await l.attempt('bob', '10.0.0.1')).toEqual({ ok: true })
    await l.succeeded('bob', '10.0.0.1')
    // The address has seen 4 failures (the right attempt was given back): 2 more are allowed.
    expect(await l.attempt('bob', '10.0.0.1')).toEqual({ ok: true })
    expect(await l.attempt('bob', '10.0.0.1')).toEqual({ ok: true })
    expect(await l.attempt('bob', '10.0.0.1')).toMatchObject({ ok: false, scope: 'address' })
  })

  it('refuses an address after 20 wrong attempts across many names', async () => {
    const l = limiter()
    for (let i = 0; i < 20; i++) {
      expect(await l.attempt(`user${i}`, '10.0.0.7')).toEqual({ ok: true })
    }
    const refused = await l.attempt('fresh-name', '10.0.0.7')
    expect(refused).toMatchObject({ ok: false, scope: 'address', firstRefusal: true })
    // Another address is not affected, and the refused name was not charged for the refusal.
    for (let i = 0; i < 5; i++) {
      expect(await l.attempt('fresh-name', '10.0.0.8')).toEqual({ ok: true })
    }
  })

  it('counts ::ffff:10.0.0.7 and 10.0.0.7 as one address', async () => {
    const l = limiter({
      perUsername: SIGN_IN_LIMITS.perUsername,
      perAddress: { points: 2, windowSec: 900 },
    })
    await l.attempt('a', '::ffff:10.0.0.7')
    await l.attempt('b', '10.0.0.7')
    expect(await l.attempt('c', '::FFFF:10.0.0.7')).toMatchObject({ ok: false, scope: 'address' })
  })

  it('counts IPv6 addresses of one /64 as one client, another /64 as another', async () => {
    const l = limiter({
      perUsername: SIGN_IN_LIMITS.perUsername,
      perAddress: { points: 2, windowSec: 900 },
    })
    // A client that rotates its interface id inside its /64 gets no fresh allowance.
    expect(await l.attempt('a', '2001:db8:1:2::a')).toEqual({ ok: true })
    expect(await l.attempt('b', '2001:db8:1:2:dead:beef:0:1')).toEqual({ ok: true })
    expect(await l.attempt('c', '[2001:DB8:1:2::ffff]:443')).toMatchObject({
      ok: false,
      scope: 'address',
    })
    expect(await l.attempt('d', '2001:db8:1:3::a')).toEqual({ ok: true })
  })

  it('does not count a refused account against the address', async () => {
    const l = limiter({
      perUsername: SIGN_IN_LIMITS.perUsername,
      perAddress: { points: 8, windowSec: 900 },
    })
    await fail(l, 5)
    for (let i = 0; i < 10; i++) await l.attempt('bob', '10.0.0.1')
    // 5 counted against the address; 3 more names still get through from it.
    for (const name of ['ann', 'cat', 'dan']) {
      expect(await l.attempt(name, '10.0.0.1')).toEqual({ ok: true })
    }
  })

  it('forgets an account when asked (an admin reset its password)', async () => {
    const l = limiter()
    await fail(l, 6)
    await l.forget('BOB')
    expect(await l.attempt('bob', '10.0.0.2')).toEqual({ ok: true })
  })

  it('drops ended windows from the table, so it holds only recent keys', async () => {
    const l = limiter()
    await fail(l, 3, 'old-name')
    clock += 3 * WINDOW_MS
    await l.attempt('new-name', '10.0.0.3')
    const keys = await t.db.selectFrom('rate_limits').select('limit_key').execute()
    expect(keys.map((k) => k.limit_key).sort()).toEqual([
      'sign-in:ip:10.0.0.3',
      'sign-in:user:new-name',
    ])
  })
})
