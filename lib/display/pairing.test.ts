import { afterEach, beforeEach, expect, it } from 'vitest'
import { listAudit } from '@/lib/audit/repo'
import type { AuditActor } from '@/lib/audit/types'
import { createDb } from '@/lib/db/connection'
import { insertStation } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { HEARTBEAT_THROTTLE_MS, PAIRING_CODE_TTL_MS } from './constants'
import { findDeviceByToken, listStationDevices, revokeDevice, touchDevice } from './devices'
import { stationDisplayStatus } from './heartbeat'
import { activePairingCode, createPairingCode, redeemPairingCode } from './pairing'
import { hashDeviceToken } from './tokens'

const manager: AuditActor = { kind: 'user', id: 'user-1', name: 'manager', ip: '10.0.0.7' }
const tablet = { userAgent: 'Mozilla/5.0 (iPad) Safari/604.1', ip: '10.0.0.42' }
const NOW = 1_800_000_000_000

describeDialects('tablet pairing', (target) => {
  let t: TestDatabase
  let stationId: string
  beforeEach(async () => {
    t = await target.open()
    stationId = await insertStation(t.db)
  })
  afterEach(() => t.close())

  const code = (now = NOW) => createPairingCode(stationId, manager, { db: t.db, now })
  const redeem = (input: string, now = NOW + 1_000) =>
    redeemPairingCode(input, tablet, { db: t.db, now })

  it('pairs a tablet with a code, and stores only the token’s hash', async () => {
    const c = (await code())!
    expect(c).toMatchObject({ stationId, expiresAt: NOW + PAIRING_CODE_TTL_MS })
    expect(c.code).toMatch(/^[A-HJ-NP-Z]{6}$/)
    const r = await redeem(c.code.toLowerCase().replace(/(...)/, '$1 '))
    if (!r.ok) throw new Error(r.reason)
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(r.device).toMatchObject({ stationId, name: expect.stringMatching(/^iPad · Safari #/) })
    const row = await t.db.selectFrom('devices').selectAll().executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(hashDeviceToken(r.token))
    expect(JSON.stringify(row)).not.toContain(r.token)
    expect(await findDeviceByToken(r.token, t.db)).toMatchObject({ id: r.device.id, stationId })
  })

  it('uses a code once', async () => {
    const c = (await code())!
    expect((await redeem(c.code)).ok).toBe(true)
    expect(await redeem(c.code)).toEqual({ ok: false, reason: 'used' })
    expect(await listStationDevices(stationId, t.db)).toHaveLength(1)
  })

  it('uses a code once even when two tablets send it at the same moment', async () => {
    const c = (await code())!
    // PostgreSQL: a second pool, truly concurrent. SQLite: one connection per process (a second one
    // in the same thread would block it), so the two queue on it, as two requests in one server do.
    const other = t.dialect === 'postgres' ? createDb(t.options).db : t.db
    try {
      const results = await Promise.all([
        redeem(c.code),
        redeemPairingCode(c.code, tablet, { db: other, now: NOW + 1_000 }),
      ])
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'used' })
    } finally {
      if (other !== t.db) await other.destroy()
    }
    expect(await listStationDevices(stationId, t.db)).toHaveLength(1)
  })

  it('refuses a code after ten minutes', async () => {
    const c = (await code())!
    expect(await redeem(c.code, NOW + PAIRING_CODE_TTL_MS)).toEqual({
      ok: false,
      reason: 'expired',
    })
    expect((await redeem(c.code, NOW + PAIRING_CODE_TTL_MS - 1)).ok).toBe(true)
  })

  it('refuses unknown and malformed codes without pairing anything', async () => {
    await code()
    expect(await redeem('ZZZZZZ')).toEqual({ ok: false, reason: 'not-found' })
    expect(await redeem('12345')).toEqual({ ok: false, reason: 'malformed' })
    expect(await listStationDevices(stationId, t.db)).toEqual([])
  })

  it('keeps one live code per station: a new one replaces the old', async () => {
    const first = (await code())!
    const second = (await code(NOW + 1))!
    expect(await activePairingCode(stationId, { db: t.db, now: NOW + 2 })).toEqual(second)
    expect((await redeem(first.code, NOW + 2)).ok).toBe(false)
    expect((await redeem(second.code, NOW + 2)).ok).toBe(true)
    expect(await activePairingCode(stationId, { db: t.db, now: NOW + 3 })).toBeNull()
  })

  it('makes no code for a station that does not exist', async () => {
    expect(await createPairingCode('missing', manager, { db: t.db, now: NOW })).toBeNull()
  })

  it('rejects a revoked tablet’s token, and revokes only once', async () => {
    const r = await redeem((await code())!.code)
    if (!r.ok) throw new Error(r.reason)
    expect(await revokeDevice('other-station', r.device.id, manager, { db: t.db })).toBe(false)
    expect(await revokeDevice(stationId, r.device.id, manager, { db: t.db })).toBe(true)
    expect(await findDeviceByToken(r.token, t.db)).toBeNull()
    expect(await revokeDevice(stationId, r.device.id, manager, { db: t.db })).toBe(false)
    expect(await listStationDevices(stationId, t.db)).toEqual([])
    expect(await stationDisplayStatus(stationId, NOW, t.db)).toMatchObject({ tablets: 0 })
  })

  it('rejects missing, malformed and unknown tokens', async () => {
    expect(await findDeviceByToken(undefined, t.db)).toBeNull()
    expect(await findDeviceByToken('not a token', t.db)).toBeNull()
    expect(await findDeviceByToken('A'.repeat(43), t.db)).toBeNull()
  })

  it('writes the heartbeat at most once per throttle interval, even from a stale read', async () => {
    const r = await redeem((await code())!.code)
    if (!r.ok) throw new Error(r.reason)
    const stale = r.device // lastSeenAt null: the in-memory shortcut cannot help
    expect(await touchDevice(stale, NOW + 2_000, t.db)).toBe(true)
    expect(await touchDevice(stale, NOW + 3_000, t.db)).toBe(false)
    const fresh = (await findDeviceByToken(r.token, t.db))!
    expect(fresh.lastSeenAt).toBe(NOW + 2_000)
    expect(await touchDevice(fresh, NOW + 2_000 + HEARTBEAT_THROTTLE_MS, t.db)).toBe(true)
    expect(await stationDisplayStatus(stationId, NOW + 10_000, t.db)).toEqual({
      tablets: 1,
      live: true,
      lastSeenAt: NOW + 2_000 + HEARTBEAT_THROTTLE_MS,
      offlineForSec: null,
    })
  })

  it('records code, pairing and revocation in the audit log, never the code itself', async () => {
    const c = (await code())!
    const r = await redeem(c.code)
    if (!r.ok) throw new Error(r.reason)
    await revokeDevice(stationId, r.device.id, manager, { db: t.db, reason: 'lost' })
    const { entries } = await listAudit({}, t.db)
    expect(entries.map((e) => [e.action, e.actorName, e.target])).toEqual([
      ['display.revoke', 'manager', `station:${stationId}`],
      ['display.pair', 'display', `station:${stationId}`],
      ['display.code-create', 'manager', `station:${stationId}`],
    ])
    expect(entries[1]).toMatchObject({
      ip: '10.0.0.42',
      detail: { deviceId: r.device.id, codeCreatedBy: 'user-1' },
    })
    expect(entries[0]?.detail).toMatchObject({ deviceId: r.device.id, reason: 'lost' })
    expect(JSON.stringify(entries)).not.toContain(c.code)
    expect(JSON.stringify(entries)).not.toContain(r.token)
  })
})
