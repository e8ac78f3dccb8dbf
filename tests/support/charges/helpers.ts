import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import { getDb } from '@/lib/db/connection'
import type { ChargeUpdate } from '@/lib/db/schema'
import type { PayWay } from '@/lib/dms/types'
import { signNotification } from '@/lib/dms/notify'
import type { RequestLogEntry } from '@/sandbox/types'
import { createCharge, type CreateChargeResult } from '@/lib/charges/create'
import { listEvents } from '@/lib/charges/repo-events'
import type { Charge } from '@/lib/charges/types'
import { NOTIFY_SECRET, type Harness } from './harness'
import { sleep } from '@/tests/support/wait'

/* Small tools the charge service suites share (not a test file). */

export const PATHS = {
  create: '/dms/cash-out/payment',
  query: '/dms/cash-out/query',
  close: '/dms/cash-out/close',
} as const

/** A bill number no other test (or earlier run against the same database) uses. */
export function newBill(prefix = 'B'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`
}

export async function create(
  h: Harness,
  bzOrder: string,
  over: { amountFen?: number; payWay?: PayWay; stationId?: string } = {},
): Promise<CreateChargeResult> {
  return createCharge(
    {
      bzOrder,
      amountFen: over.amountFen ?? 12850,
      payWay: over.payWay ?? 'SCAN_WEIXIN',
      stationId: over.stationId ?? h.stationId,
    },
    h.cashier,
  )
}

/** Creates a charge that must come back `created`, and returns it. */
export async function created(
  h: Harness,
  bzOrder: string,
  over: Parameters<typeof create>[2] = {},
): Promise<Charge> {
  const result = await create(h, bzOrder, over)
  if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`)
  return result.charge
}

/** The sandbox's request log for one endpoint, optionally only the calls about one bill/attempt. */
export async function calls(
  h: Harness,
  path: string,
  about?: { bzOrder?: string; bizOrderNo?: string },
): Promise<RequestLogEntry[]> {
  const all = await h.control.requests({ path })
  return all.filter(
    (e) =>
      (!about?.bzOrder || e.params.bz_order === about.bzOrder) &&
      (!about?.bizOrderNo || e.params.biz_order_no === about.bizOrderNo),
  )
}

/** The raw row, as stored (snake_case), to assert what is in the database and not a mapping of it. */
export async function row(id: string) {
  return getDb().selectFrom('charges').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

export async function setRow(id: string, patch: ChargeUpdate): Promise<void> {
  await getDb().updateTable('charges').set(patch).where('id', '=', id).execute()
}

export async function eventTypes(id: string): Promise<string[]> {
  return (await listEvents(id)).map((e) => e.type)
}

/**
 * Polls `fn` until it returns a truthy value (or fails the test after `timeoutMs`). Timed by
 * performance.now(), which a test that stops the wall clock (`vi.useFakeTimers({ toFake: ['Date'] })`)
 * leaves running: its deadline still comes.
 */
export async function waitFor<T>(fn: () => Promise<T>, timeoutMs = 3000, what = 'condition') {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const value = await fn()
    if (value) return value
    if (performance.now() > deadline) expect.fail(`timed out waiting for ${what}`)
    await sleep(25)
  }
}

/** A notification body and signature exactly as the sandbox would POST them for its last change. */
export function signedNotification(fields: Record<string, string>, secret = NOTIFY_SECRET) {
  const raw = new URLSearchParams(fields).toString()
  return { raw, sig: signNotification(raw, secret) }
}
