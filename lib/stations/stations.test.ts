import { afterEach, beforeEach, expect, it } from 'vitest'
import { listAudit } from '@/lib/audit/repo'
import { CLI_ACTOR } from '@/lib/audit/types'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { ensureDefaultStation } from './default-station'
import {
  createStation,
  getStation,
  listStations,
  renameStation,
  setStationAccounts,
  setStationAutoPrint,
} from './repo'
import { DEFAULT_STATION_NAME } from './schema'

describeDialects('stations', (target) => {
  let t: TestDatabase
  beforeEach(async () => {
    t = await target.open()
  })
  afterEach(() => t.close())

  it('creates "前台 1" on a fresh database, once', async () => {
    const first = await ensureDefaultStation(t.db)
    expect(first).toMatchObject({
      name: DEFAULT_STATION_NAME,
      payerId: null,
      recieverIds: { SCAN_WEIXIN: null, SCAN_ALIPAY: null },
    })
    expect(await ensureDefaultStation(t.db)).toEqual(first)
    expect(await listStations(t.db)).toHaveLength(1)
  })

  it('does not add the default when a station exists', async () => {
    const own = await createStation('收银台', CLI_ACTOR, t.db)
    expect(await ensureDefaultStation(t.db)).toEqual(own)
    expect(await listStations(t.db)).toEqual([own])
  })

  it('lists in creation order and gets by id', async () => {
    const a = await createStation(' 前台 1 ', CLI_ACTOR, t.db)
    const b = await createStation('前台 2', CLI_ACTOR, t.db)
    expect(a.name).toBe('前台 1')
    expect((await listStations(t.db)).map((s) => s.id)).toEqual([a.id, b.id])
    expect(await getStation(b.id, t.db)).toEqual(b)
    expect(await getStation('missing', t.db)).toBeNull()
  })

  it('refuses duplicate and empty names', async () => {
    const a = await createStation('A', CLI_ACTOR, t.db)
    await createStation('B', CLI_ACTOR, t.db)
    await expect(createStation('A', CLI_ACTOR, t.db)).rejects.toMatchObject({
      code: 'duplicate_name',
    })
    await expect(renameStation(a.id, 'B', CLI_ACTOR, t.db)).rejects.toMatchObject({
      code: 'duplicate_name',
    })
    await expect(createStation('  ', CLI_ACTOR, t.db)).rejects.toMatchObject({
      code: 'invalid_input',
    })
    expect((await getStation(a.id, t.db))?.name).toBe('A')
  })

  it('renames, and refuses an unknown id', async () => {
    const a = await createStation('A', CLI_ACTOR, t.db)
    const renamed = await renameStation(a.id, '前台 9', CLI_ACTOR, t.db)
    expect(renamed).toMatchObject({ id: a.id, name: '前台 9' })
    expect(renamed.updatedAt).toBeGreaterThanOrEqual(a.updatedAt)
    await expect(renameStation('missing', 'X', CLI_ACTOR, t.db)).rejects.toMatchObject({
      code: 'unknown_station',
    })
  })

  it('stores 19-digit DMS account ids per pay way exactly, and clears them', async () => {
    const a = await createStation('A', CLI_ACTOR, t.db)
    const ids = {
      payerId: '9223372036854775807',
      recieverWeixinId: '1234567890123456789',
      recieverAlipayId: '1234567890123456790',
    }
    const stored = {
      payerId: ids.payerId,
      recieverIds: { SCAN_WEIXIN: ids.recieverWeixinId, SCAN_ALIPAY: ids.recieverAlipayId },
      legacyRecieverId: null,
    }
    expect(await setStationAccounts(a.id, ids, CLI_ACTOR, t.db)).toMatchObject(stored)
    expect(await getStation(a.id, t.db)).toMatchObject(stored)
    const cleared = await setStationAccounts(
      a.id,
      { payerId: '', recieverWeixinId: null, recieverAlipayId: '' },
      CLI_ACTOR,
      t.db,
    )
    expect(cleared).toMatchObject({
      payerId: null,
      recieverIds: { SCAN_WEIXIN: null, SCAN_ALIPAY: null },
    })
    const bad = { payerId: '12 34', recieverWeixinId: null, recieverAlipayId: null }
    await expect(setStationAccounts(a.id, bad, CLI_ACTOR, t.db)).rejects.toMatchObject({
      code: 'invalid_input',
    })
  })

  it('setting the accounts ends the single receiving account of before', async () => {
    const a = await createStation('A', CLI_ACTOR, t.db)
    await t.db.updateTable('stations').set({ reciever_id: 'OLD' }).where('id', '=', a.id).execute()
    expect(await getStation(a.id, t.db)).toMatchObject({ legacyRecieverId: 'OLD' })
    const ids = { payerId: 'P', recieverWeixinId: 'OLD', recieverAlipayId: null }
    await setStationAccounts(a.id, ids, CLI_ACTOR, t.db, 'OLD')
    expect(await getStation(a.id, t.db)).toMatchObject({
      legacyRecieverId: null,
      recieverIds: { SCAN_WEIXIN: 'OLD', SCAN_ALIPAY: null },
    })
    const { entries } = await listAudit({}, t.db)
    expect(entries[0]).toMatchObject({
      action: 'station.accounts',
      detail: { ...ids, splitFrom: 'OLD' },
    })
  })

  it('records each change in the audit log', async () => {
    const a = await createStation('A', CLI_ACTOR, t.db)
    await renameStation(a.id, 'B', CLI_ACTOR, t.db)
    await setStationAccounts(
      a.id,
      { payerId: '1', recieverWeixinId: '2', recieverAlipayId: null },
      undefined,
      t.db,
    )
    const { entries } = await listAudit({}, t.db)
    expect(entries.map((e) => [e.action, e.actorName, e.target])).toEqual([
      ['station.accounts', 'system', `station:${a.id}`],
      ['station.rename', 'cli', `station:${a.id}`],
      ['station.create', 'cli', `station:${a.id}`],
    ])
  })

  it('turns automatic receipt printing on and off, audited, and only when it changes', async () => {
    const a = await createStation('A', CLI_ACTOR, t.db)
    expect(a.autoPrintReceipt).toBe(false)
    expect(await setStationAutoPrint(a.id, true, CLI_ACTOR, t.db)).toMatchObject({
      autoPrintReceipt: true,
    })
    expect((await getStation(a.id, t.db))?.autoPrintReceipt).toBe(true)
    await setStationAutoPrint(a.id, true, CLI_ACTOR, t.db)
    await setStationAutoPrint(a.id, false, CLI_ACTOR, t.db)
    const { entries } = await listAudit({}, t.db)
    expect(entries.map((e) => [e.action, e.detail])).toEqual([
      ['station.auto_print', { autoPrintReceipt: { from: true, to: false } }],
      ['station.auto_print', { autoPrintReceipt: { from: false, to: true } }],
      ['station.create', { name: 'A' }],
    ])
    await expect(setStationAutoPrint('nope', true, CLI_ACTOR, t.db)).rejects.toMatchObject({
      code: 'unknown_station',
    })
  })
})
