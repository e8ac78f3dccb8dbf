import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clientAddress } from './client-address'
import { createSignInLimiter, signInLimiter, SIGN_IN_LIMITS } from './sign-in-limiter'

const WINDOW_MS = 15 * 60_000

/** `n` attempts that all turn out wrong (the limiter only sees attempts; failure is not reported). */
async function fail(limiter: ReturnType<typeof createSignInLimiter>, n: number, user = 'bob') {
  const gates = []
  for (let i = 0; i < n; i++) gates.push(await limiter.attempt(user, '10.0.0.1'))
  return gates
}

describe('sign-in limiter', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2025-06-01T10:00:00Z'))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('lets five wrong attempts through and refuses the sixth, for 15 minutes', async () => {
    const limiter = createSignInLimiter()
    const gates = await fail(limiter, 5)
    expect(gates.every((g) => g.ok)).toBe(true)
    const sixth = await limiter.attempt('bob', '10.0.0.1')
    expect(sixth).toMatchObject({ ok: false, scope: 'username', firstRefusal: true })
    expect(!sixth.ok && sixth.retryAfterMs).toBe(WINDOW_MS)

    vi.advanceTimersByTime(WINDOW_MS - 60_000)
    const later = await limiter.attempt('bob', '10.0.0.1')
    expect(later).toMatchObject({ ok: false, firstRefusal: false, retryAfterMs: 60_000 })

    vi.advanceTimersByTime(60_000)
    expect(await limiter.attempt('bob', '10.0.0.1')).toEqual({ ok: true })
  })

  it('counts the username case-insensitively and from any address', async () => {
    const limiter = createSignInLimiter()
    for (let i = 0; i < 5; i++) await limiter.attempt(i % 2 ? 'BOB' : ' bob ', `10.0.0.${i}`)
    expect(await limiter.attempt('Bob', '10.9.9.9')).toMatchObject({ ok: false, scope: 'username' })
  })

  it('treats a name that does not exist exactly like one that does', async () => {
    const limiter = createSignInLimiter()
    await fail(limiter, 5, 'no-such-user')
    expect(await limiter.attempt('no-such-user', '10.0.0.1')).toMatchObject({
      ok: false,
      scope: 'username',
    })
  })

  it('starts the account over after a right password, and gives the address its attempt back', async () => {
    const limiter = createSignInLimiter({
      perUsername: SIGN_IN_LIMITS.perUsername,
      perAddress: { points: 6, windowSec: 900 },
    })
    await fail(limiter, 4)
    expect(await limiter.attempt('bob', '10.0.0.1')).toEqual({ ok: true })
    await limiter.succeeded('bob', '10.0.0.1')
    // The address has seen 4 failures (the right attempt was given back): 2 more are allowed.
    expect(await limiter.attempt('bob', '10.0.0.1')).toEqual({ ok: true })
    expect(await limiter.attempt('bob', '10.0.0.1')).toEqual({ ok: true })
    expect(await limiter.attempt('bob', '10.0.0.1')).toMatchObject({ ok: false, scope: 'address' })
  })

  it('refuses an address after 20 wrong attempts across many names', async () => {
    const limiter = createSignInLimiter()
    for (let i = 0; i < 20; i++) {
      expect(await limiter.attempt(`user${i}`, '10.0.0.7')).toEqual({ ok: true })
    }
    const refused = await limiter.attempt('fresh-name', '10.0.0.7')
    expect(refused).toMatchObject({ ok: false, scope: 'address', firstRefusal: true })
    // Another address is not affected, and the refused name was not charged for the refusal.
    for (let i = 0; i < 5; i++) {
      expect(await limiter.attempt('fresh-name', '10.0.0.8')).toEqual({ ok: true })
    }
  })

  it('does not count a refused account against the address', async () => {
    const limiter = createSignInLimiter({
      perUsername: SIGN_IN_LIMITS.perUsername,
      perAddress: { points: 8, windowSec: 900 },
    })
    await fail(limiter, 5)
    for (let i = 0; i < 10; i++) await limiter.attempt('bob', '10.0.0.1')
    // 5 counted against the address; 3 more names still get through from it.
    for (const name of ['ann', 'cat', 'dan']) {
      expect(await limiter.attempt(name, '10.0.0.1')).toEqual({ ok: true })
    }
  })

  it('forgets an account when asked (an admin reset its password)', async () => {
    const limiter = createSignInLimiter()
    await fail(limiter, 6)
    await limiter.forget('BOB')
    expect(await limiter.attempt('bob', '10.0.0.2')).toEqual({ ok: true })
  })

  it('is one limiter per process', () => {
    expect(signInLimiter()).toBe(signInLimiter())
  })
})

describe('client address', () => {
  const h = (init: Record<string, string>) => new Headers(init)

  it('takes the first hop of X-Forwarded-For', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }))).toBe('203.0.113.9')
  })

  it('falls back to X-Real-IP, then to a fixed key', () => {
    expect(clientAddress(h({ 'x-real-ip': '203.0.113.10' }))).toBe('203.0.113.10')
    expect(clientAddress(h({}))).toBe('unknown')
  })

  it('writes an IPv4 client on a dual-stack socket the plain way', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '::ffff:192.168.1.20' }))).toBe('192.168.1.20')
    expect(clientAddress(h({ 'x-forwarded-for': '::1' }))).toBe('::1')
  })

  it('bounds what it keeps', () => {
    expect(clientAddress(h({ 'x-forwarded-for': 'x'.repeat(500) }))).toHaveLength(64)
  })
})
