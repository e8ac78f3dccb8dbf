import { afterEach, describe, expect, it } from 'vitest'
import {
  cliEnv,
  dbEnv,
  declaredVariables,
  env,
  NO_DMS_MESSAGE,
  overrideEnv,
  sandboxEnv,
} from './env'

const VALID = {
  AUTH_SECRET: 'env-test-secret-0123456789abcdefghij',
  DMS_BASE_URL: 'http://127.0.0.1:4010',
  DMS_TOKEN: 'token',
}

/** What each reader makes of the environment: its value, or the error it stops with. */
function readAll(): Record<string, unknown> {
  const attempt = (read: () => unknown) => {
    try {
      return read()
    } catch (error) {
      return `error: ${(error as Error).message}`
    }
  }
  return {
    app: attempt(env),
    db: attempt(dbEnv),
    sandbox: attempt(sandboxEnv),
    cli: attempt(cliEnv),
  }
}

let restore = () => {}
afterEach(() => restore())

describe('environment', () => {
  const names = declaredVariables()

  it('declares the variables the cashier reads, the new ones included', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'AUTH_SECRET',
        'DATABASE_URL',
        'DMS_SANDBOX',
        'TRUSTED_PROXIES',
        'SANDBOX_HOST',
      ]),
    )
    expect(names.length).toBeGreaterThanOrEqual(18)
  })

  it.each(names)('%s= (empty) means the same as unset', (name) => {
    restore = overrideEnv({
      ...Object.fromEntries(names.map((n) => [n, undefined])),
      ...VALID,
      [name]: undefined,
    })
    const unset = readAll()
    restore()
    restore = overrideEnv({
      ...Object.fromEntries(names.map((n) => [n, undefined])),
      ...VALID,
      [name]: '',
    })
    expect(readAll()).toEqual(unset)
  })

  it('AUTH_SECRET= is refused like a missing one (not accepted as an empty secret)', () => {
    restore = overrideEnv({ ...VALID, AUTH_SECRET: '' })
    expect(() => env()).toThrow(/AUTH_SECRET is required/)
  })

  it('DATABASE_URL= starts on SQLite instead of stopping start-up', () => {
    restore = overrideEnv({ ...VALID, DATABASE_URL: '', SQLITE_PATH: '' })
    expect(dbEnv()).toEqual({ databaseUrl: undefined, sqlitePath: 'data/cashier.db' })
  })

  it('says what to set when there is no DMS_BASE_URL', () => {
    restore = overrideEnv({ ...VALID, DMS_BASE_URL: '' })
    expect(() => env()).toThrow(NO_DMS_MESSAGE)
    expect(NO_DMS_MESSAGE).toMatch(/DMS_BASE_URL.*DMS_SANDBOX=1/)
  })

  it('reads DMS_SANDBOX and TRUSTED_PROXIES, and refuses a bad value by name', () => {
    restore = overrideEnv({ ...VALID, DMS_SANDBOX: '1', TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' })
    expect(env()).toMatchObject({ sandbox: true, trustedProxies: ['127.0.0.1', '10.0.0.0/8'] })
    restore()
    restore = overrideEnv({ ...VALID, DMS_SANDBOX: 'yes' })
    expect(() => env()).toThrow(/DMS_SANDBOX must be 1/)
    restore()
    restore = overrideEnv({ ...VALID, TRUSTED_PROXIES: 'nginx' })
    expect(() => env()).toThrow(/TRUSTED_PROXIES: "nginx" is not an IP address/)
    restore()
    restore = overrideEnv({ ...VALID, DMS_SANDBOX: undefined, TRUSTED_PROXIES: undefined })
    expect(env()).toMatchObject({ sandbox: false, trustedProxies: [] })
  })
})
