import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { describeDialects, type DialectTarget, type TestDatabase } from '@/tests/support/db/targets'
import { closeDb, getDb } from '@/lib/db/connection'
import { dialectOf } from '@/lib/db/dialect'
import { sandboxControl, type SandboxControl } from '@/sandbox/control-client'
import { createSandbox, type Sandbox } from '@/sandbox/server'
import { overrideEnv } from '@/lib/env'
import { ensureDefaultStation } from '@/lib/stations'
import { addUser } from '@/lib/users'
import { setDmsClientForTests } from '@/lib/dms/client'
import { receiveNotification, type NotificationOutcome } from '@/lib/charges/notification'

/*
 * Shared set-up for the charge service's integration suites (not a test file): the real service code
 * against a real DMS sandbox over HTTP (in-process, port 0) and a real database (a temp SQLite file or
 * a fresh PostgreSQL schema). The process-wide getDb() is pointed at the test database through the
 * same variables a child process would get (SQLITE_PATH, or DATABASE_URL + PGOPTIONS), then reopened.
 */

export const DMS_TOKEN = 'T'
export const NOTIFY_SECRET = 'notify-secret-for-tests-0123456789'
export const TIMEOUT_MS = 800
export const INTERVAL_MS = 200

export type Cashier = { type: 'user'; id: string; name: string }

export interface Harness {
  url: string
  control: SandboxControl
  cashier: Cashier
  stationId: string
  /** Notifications the cashier's notify endpoint received from the sandbox, with its answer. */
  notified: { raw: string; outcome: NotificationOutcome }[]
}

const ENV_KEYS = [
  'DMS_BASE_URL',
  'DMS_TOKEN',
  'AUTH_SECRET',
  'DMS_TIMEOUT_MS',
  'DMS_QUERY_INTERVAL_MS',
  'DMS_NOTIFY_SECRET',
  'SQLITE_PATH',
  'DATABASE_URL',
  'PGOPTIONS',
] as const

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    })
  })
}

/** The cashier's notify route in miniature: the raw body and signature go to receiveNotification. */
function notifyReceiver(log: Harness['notified']): Server {
  return createServer((req, res) => {
    let raw = ''
    req.on('data', (d: Buffer) => (raw += d.toString()))
    req.on('end', () => {
      const sig = req.headers['x-dms-signature']
      receiveNotification(raw, typeof sig === 'string' ? sig : null)
        .then((outcome) => {
          log.push({ raw, outcome })
          res.writeHead(outcome === 'bad-signature' ? 401 : 200).end('success')
        })
        .catch(() => res.writeHead(500).end())
    })
  })
}

/**
 * Registers beforeAll/afterAll/beforeEach in the current describe block. Each block gets its own
 * database and sandbox; every test starts with an empty sandbox (orders, faults, request log).
 */
export function useHarness(target: DialectTarget, opts: { notify?: boolean } = {}): Harness {
  const h = { notified: [] } as unknown as Harness
  let t: TestDatabase
  let sandbox: Sandbox
  let receiver: Server | undefined
  // Every key the harness may set, so that restoring also removes what it added.
  let restoreEnv = () => {}

  beforeAll(async () => {
    t = await target.open()
    receiver = opts.notify ? notifyReceiver(h.notified) : undefined
    const notifyUrl = receiver ? await listen(receiver) : undefined
    sandbox = createSandbox({
      dataFile: null,
      token: DMS_TOKEN,
      notifyUrl,
      notifySecret: NOTIFY_SECRET,
    })
    h.url = await sandbox.listen(0)
    h.control = sandboxControl(h.url)
    restoreEnv = overrideEnv({
      ...Object.fromEntries(ENV_KEYS.map((k) => [k, undefined])),
      DMS_BASE_URL: h.url,
      DMS_TOKEN,
      AUTH_SECRET: 'integration-test-secret-0123456789abcdef',
      DMS_TIMEOUT_MS: String(TIMEOUT_MS),
      DMS_QUERY_INTERVAL_MS: String(INTERVAL_MS),
      DMS_NOTIFY_SECRET: NOTIFY_SECRET,
      ...t.childEnv,
    })
    await closeDb()
    setDmsClientForTests(undefined)
    const user = await addUser(
      { username: 'cashier1', password: 'password-1', role: 'cashier' },
      { kind: 'cli', id: null, name: 'test' },
      { bcryptCost: 4 },
    )
    h.cashier = { type: 'user', id: user.id, name: user.username }
    // The service's getDb() must be the test database, not a default file or schema.
    const seen = await t.db.selectFrom('users').select('id').where('id', '=', user.id).execute()
    if (dialectOf(getDb()) !== target.dialect || seen.length !== 1) {
      throw new Error(`getDb() is not the ${target.dialect} test database`)
    }
    h.stationId = (await ensureDefaultStation()).id
  })

  beforeEach(async () => {
    await h.control.reset()
    // Far above the default 10 a day: every test charges the same payer.
    await h.control.settings({ payerDailyLimit: 100_000 })
    h.notified.length = 0
  })

  afterAll(async () => {
    await sandbox?.close()
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()))
    await closeDb()
    await t?.close()
    restoreEnv()
    setDmsClientForTests(undefined)
  })

  return h
}

type HarnessOptions = Parameters<typeof useHarness>[1]
type SuiteBody = (h: Harness, target: DialectTarget) => void

/**
 * A charge-service suite on each database with its harness already set up: the opening every such
 * suite had written out (`describeDialects`, then `useHarness` inside it).
 */
export function describeChargeService(title: string, body: SuiteBody): void
export function describeChargeService(title: string, opts: HarnessOptions, body: SuiteBody): void
export function describeChargeService(
  title: string,
  ...args: [SuiteBody] | [HarnessOptions, SuiteBody]
): void {
  const [opts, body] = args.length === 1 ? [{}, args[0]] : args
  describeDialects(title, (target) => body(useHarness(target, opts), target))
}
