import type { Kysely } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Database } from '@/lib/db/schema'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { dialectTargets, type TestDatabase } from '@/tests/support/db/targets'

/*
 * The route around the CSV stream: who may call it, what a bad filter gets, and the headers a
 * browser needs to save the file. The session, locale and texts are stubbed; the database is real.
 */

const state = vi.hoisted(() => ({
  access: { ok: true } as Record<string, unknown>,
  db: null as Kysely<Database> | null,
  audits: [] as unknown[],
}))

vi.mock('next/server', () => ({ connection: async () => {} }))
vi.mock('@/lib/auth/session', () => ({ checkAccess: async () => state.access }))
vi.mock('@/i18n/request-locale', () => ({ requestLocale: async () => 'zh-CN' }))
vi.mock('@/lib/audit', () => ({ recordAudit: async (e: unknown) => void state.audits.push(e) }))
vi.mock('next-intl/server', () => ({
  getTranslations:
    async ({ namespace }: { namespace: string }) =>
    (key: string) =>
      `${namespace}:${key}`,
}))
// The address as lib/server/client-address.ts works it out for a request (here: a header of the test's).
vi.mock('@/lib/server/client-address', () => ({
  clientAddress: (h: Headers) => h.get('x-test-client') ?? 'unknown',
  requestClientAddress: async () => 'not-this-request',
}))
vi.mock('@/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db')>()),
  getDb: () => state.db!,
}))

const { GET } = await import('./route')

const manager = { id: 'm1', username: 'boss', displayName: 'Boss', role: 'manager' }
const get = (query = '') =>
  GET(
    new Request(`http://shop.test/api/charges/export${query}`, {
      headers: { 'x-test-client': '203.0.113.7' },
    }),
  )

describe('GET /api/charges/export', () => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await dialectTargets[0]!.open()
    state.db = t.db
    const refs = { stationId: await insertStation(t.db, '前台'), cashierId: await insertUser(t.db) }
    for (const [bill, status] of [
      ['B-1', 'paid'],
      ['B-2', 'failed'],
      ['B-3', 'paid'],
    ] as const) {
      await t.db
        .insertInto('charges')
        .values(
          openCharge(refs, bill, {
            status,
            open_bill: null,
            biz_order_no: `12854530808794685${bill.slice(2)}0`,
          }),
        )
        .execute()
    }
  })
  afterAll(() => t.close())
  beforeEach(() => {
    state.access = { ok: true, user: manager }
    state.audits = []
  })

  it('refuses a cashier with 403 and a visitor with 401', async () => {
    state.access = { ok: false, status: 403, error: 'forbidden' }
    const res = await get()
    expect([res.status, await res.json()]).toEqual([403, { error: 'forbidden' }])
    state.access = { ok: false, status: 401, error: 'unauthenticated' }
    expect((await get()).status).toBe(401)
  })

  it('refuses a filter it cannot read rather than exporting more than asked', async () => {
    const res = await get('?status=paid&min=abc')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'invalid-filter', fields: ['min'] })
  })

  it('streams the filtered set as a CSV attachment and records who exported it', async () => {
    const res = await get('?status=paid')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="charges-all-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n')
    expect(lines[0]!.split(',')[0]).toBe('manager.csv:columns.createdAt')
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[1])
        .sort(),
    ).toEqual(['B-1', 'B-3'])
    expect(lines[1]).toMatch(/,12854530808794685[13]0,/) // the 19-digit id, whole, nothing hidden before it
    expect(state.audits).toEqual([
      expect.objectContaining({
        action: 'charges.export',
        detail: { filter: 'status=paid', format: 'csv' },
        // Every other entry a person's request writes names the address it came from; the export,
        // the one that takes the whole ledger away, recorded none.
        ip: '203.0.113.7',
      }),
    ])
  })

  it('names the file after the days it covers', async () => {
    const res = await get('?from=2026-11-30&to=2026-12-06')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="charges-2026-11-30_2026-12-06.csv"',
    )
    // Read to the end: a body left unread streams on after afterAll closed the database.
    expect(new TextDecoder().decode(await res.arrayBuffer())).toContain('\r\n')
  })
})
