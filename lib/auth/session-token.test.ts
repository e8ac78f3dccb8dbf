import { encode } from 'next-auth/jwt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { overrideEnv } from '@/lib/env'
import { sessionTokenOf, sessionUserId } from './session-token'

const SECRET = 'session-token-test-secret-0123456789abcdef'
const NAME = 'authjs.session-token'
const SECURE = '__Secure-authjs.session-token'

const seal = (claims: Record<string, unknown>, salt = NAME, secret = SECRET, maxAge = 3600) =>
  encode({ token: claims, secret, salt, maxAge })

describe('sessionUserId', () => {
  let restore = () => {}
  beforeAll(() => {
    restore = overrideEnv({
      AUTH_SECRET: SECRET,
      DMS_BASE_URL: 'http://127.0.0.1:1',
      DMS_TOKEN: 'test-token',
      DMS_NOTIFY_SECRET: 'notify-secret-0123456789',
    })
  })
  afterAll(() => restore())

  it('reads the user id Auth.js sealed into the session cookie', async () => {
    const token = await seal({ uid: 'user-1', role: 'cashier' })
    expect(await sessionUserId({ [NAME]: token }, false)).toBe('user-1')
  })

  it('over HTTPS reads only the __Secure- cookie, as Auth.js writes it there', async () => {
    const plain = await seal({ uid: 'user-2' })
    const secure = await seal({ uid: 'user-2' }, SECURE)
    expect(await sessionUserId({ [NAME]: plain }, true)).toBeNull()
    expect(await sessionUserId({ [SECURE]: secure }, true)).toBe('user-2')
  })

  it('refuses a token sealed with another secret, for another cookie name, or mangled', async () => {
    expect(
      await sessionUserId({ [NAME]: await seal({ uid: 'x' }, NAME, 'x'.repeat(40)) }, false),
    ).toBeNull()
    expect(await sessionUserId({ [NAME]: await seal({ uid: 'x' }, SECURE) }, false)).toBeNull()
    const token = await seal({ uid: 'user-3' })
    expect(await sessionUserId({ [NAME]: `${token.slice(0, -4)}AAAA` }, false)).toBeNull()
    expect(await sessionUserId({ [NAME]: 'garbage' }, false)).toBeNull()
    expect(await sessionUserId({}, false)).toBeNull()
  })

  it('refuses a token without a user id', async () => {
    expect(await sessionUserId({ [NAME]: await seal({ name: 'nobody' }) }, false)).toBeNull()
  })

  it('keeps a decoded token until its own expiry, then refuses it', async () => {
    const token = await seal({ uid: 'user-4' }, NAME, SECRET, 60)
    const now = Date.now()
    expect(await sessionUserId({ [NAME]: token }, false, now)).toBe('user-4')
    // Answered from memory: the same token a minute less a second later.
    expect(await sessionUserId({ [NAME]: token }, false, now + 59_000)).toBe('user-4')
    expect(await sessionUserId({ [NAME]: token }, false, now + 61_000)).toBeNull()
  })

  it('joins a session cookie that Auth.js split into numbered chunks', async () => {
    const token = await seal({ uid: 'user-5' })
    const cut = Math.floor(token.length / 2)
    const cookies = { [`${NAME}.1`]: token.slice(cut), [`${NAME}.0`]: token.slice(0, cut) }
    expect(sessionTokenOf(cookies, false)?.token).toBe(token)
    expect(await sessionUserId(cookies, false)).toBe('user-5')
  })
})
