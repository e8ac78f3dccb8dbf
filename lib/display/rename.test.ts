import { afterEach, beforeEach, expect, it } from 'vitest'
import { listAudit } from '@/lib/audit/repo'
import type { AuditActor } from '@/lib/audit/types'
import { insertStation } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { listStationDevices, renameDevice, revokeDevice } from './devices'
import { createPairingCode, redeemPairingCode } from './pairing'

const manager: AuditActor = { kind: 'user', id: 'user-1', name: 'manager', ip: '10.0.0.7' }
const tablet = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0', ip: '10.0.0.42' }
const NOW = 1_800_000_000_000

describeDialects('tablet rename', (target) => {
  let t: TestDatabase
  let stationId: string
  let deviceId: string
  let paidName: string
  beforeEach(async () => {
    t = await target.open()
    stationId = await insertStation(t.db)
    const c = (await createPairingCode(stationId, manager, { db: t.db, now: NOW }))!
    const r = await redeemPairingCode(c.code, tablet, { db: t.db, now: NOW + 1_000 })
    if (!r.ok) throw new Error(r.reason)
    deviceId = r.device.id
    paidName = r.device.name
  })
  afterEach(() => t.close())

  it('renames a working tablet (trimmed), shows it in the list and records from → to', async () => {
    expect(paidName).toMatch(/^Linux · Chrome #/)
    const done = await renameDevice(stationId, deviceId, '  收银台左侧平板 ', manager, {
      db: t.db,
      now: NOW + 5_000,
    })
    expect(done).toEqual({ from: paidName, to: '收银台左侧平板' })
    expect((await listStationDevices(stationId, t.db)).map((d) => d.name)).toEqual([
      '收银台左侧平板',
    ])
    const { entries } = await listAudit({}, t.db)
    expect(entries[0]).toMatchObject({
      action: 'display.rename',
      actorName: 'manager',
      target: `station:${stationId}`,
      at: NOW + 5_000,
      detail: { deviceId, from: paidName, to: '收银台左侧平板' },
    })
  })

  it('refuses a blank, too long or multi-line name and changes nothing', async () => {
    for (const bad of ['   ', 'x'.repeat(31), '前台\n平板']) {
      await expect(renameDevice(stationId, deviceId, bad, manager, { db: t.db })).rejects.toThrow()
    }
    expect((await listStationDevices(stationId, t.db))[0]?.name).toBe(paidName)
    const { entries } = await listAudit({}, t.db)
    expect(entries.filter((e) => e.action === 'display.rename')).toHaveLength(0)
  })

  it('renames only a working tablet of this station', async () => {
    expect(await renameDevice('other-station', deviceId, 'A', manager, { db: t.db })).toBeNull()
    expect(await revokeDevice(stationId, deviceId, manager, { db: t.db })).toBe(true)
    expect(await renameDevice(stationId, deviceId, 'A', manager, { db: t.db })).toBeNull()
    const { entries } = await listAudit({}, t.db)
    expect(entries.filter((e) => e.action === 'display.rename')).toHaveLength(0)
  })
})
