import { expect, it } from 'vitest'
import { listAudit } from '@/lib/audit/repo'
import { getDb } from '@/lib/db/connection'
import { createStation, getStation, setStationAccounts } from '@/lib/stations'
import { getCharge } from './repo'
import { switchPayWay } from './switch-pay-way'
import { describeChargeService } from '@/tests/support/charges/harness'
import { calls, create, created, newBill, PATHS } from '@/tests/support/charges/helpers'

const TEST_ACTOR = { kind: 'cli' as const, id: null, name: 'test' }

describeChargeService('charge service: a receiving account per pay way', (h) => {
  /** A station charging WeChat to RCV-0002 (WeChat only) and Alipay to RCV-0001, or unset. */
  async function station(alipay: string | null) {
    const s = await createStation(`ways-${newBill()}`, TEST_ACTOR)
    await setStationAccounts(s.id, {
      payerId: 'testtlzf',
      recieverWeixinId: 'RCV-0002',
      recieverAlipayId: alipay,
    })
    return s.id
  }

  it('each pay way is charged to its own account', async () => {
    const stationId = await station('RCV-0001')
    const wechat = await created(h, newBill(), { stationId })
    const alipay = await created(h, newBill(), { stationId, payWay: 'SCAN_ALIPAY' })
    expect([wechat.recieverId, alipay.recieverId]).toEqual(['RCV-0002', 'RCV-0001'])
    const sent = await calls(h, PATHS.create)
    expect(sent.map((c) => [c.params.pay_way, c.params.reciever_id])).toEqual([
      ['SCAN_WEIXIN', 'RCV-0002'],
      ['SCAN_ALIPAY', 'RCV-0001'],
    ])
  })

  it('a pay way with no account is refused before anything is recorded or sent', async () => {
    const stationId = await station(null)
    const bill = newBill()
    const res = await create(h, bill, { stationId, payWay: 'SCAN_ALIPAY' })
    expect(res).toEqual({ kind: 'station-not-ready', reason: 'no-account-for-way' })
    expect(await h.control.requests()).toHaveLength(0) // not even DMS's account list
    const rows = await getDb()
      .selectFrom('charges')
      .select('id')
      .where('bz_order', '=', bill)
      .execute()
    expect(rows).toHaveLength(0)
  })

  it('switching pay way uses the other account', async () => {
    const stationId = await station('RCV-0001')
    const bill = newBill()
    const wechat = await created(h, bill, { stationId })
    const res = await switchPayWay(wechat.id, 'SCAN_ALIPAY', h.cashier)
    if (res.kind !== 'switched' || res.result.kind !== 'created') throw new Error(res.kind)
    expect(res.result.charge).toMatchObject({ payWay: 'SCAN_ALIPAY', recieverId: 'RCV-0001' })
    const sent = await calls(h, PATHS.create, { bzOrder: bill })
    expect(sent.map((c) => c.params.reciever_id)).toEqual(['RCV-0002', 'RCV-0001'])
  })

  it('a switch to a pay way with no account leaves the current QR open', async () => {
    const stationId = await station(null)
    const bill = newBill()
    const wechat = await created(h, bill, { stationId })
    const res = await switchPayWay(wechat.id, 'SCAN_ALIPAY', h.cashier)
    expect(res).toEqual({ kind: 'station-not-ready', reason: 'no-account-for-way' })
    expect((await getCharge(wechat.id))?.status).toBe('pending')
    expect(await calls(h, PATHS.close)).toHaveLength(0)
    expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(1)
  })

  it('an old single account is split into the pay ways DMS lists it as taking, once', async () => {
    const s = await createStation(`old-${newBill()}`, TEST_ACTOR)
    await getDb()
      .updateTable('stations')
      .set({ payer_id: 'testtlzf', reciever_id: 'RCV-0002' })
      .where('id', '=', s.id)
      .execute()
    const wechat = await created(h, newBill(), { stationId: s.id })
    expect(wechat.recieverId).toBe('RCV-0002')
    expect(await getStation(s.id)).toMatchObject({
      legacyRecieverId: null,
      recieverIds: { SCAN_WEIXIN: 'RCV-0002', SCAN_ALIPAY: null },
    })
    const bill = newBill()
    const alipay = await create(h, bill, { stationId: s.id, payWay: 'SCAN_ALIPAY' })
    expect(alipay).toEqual({ kind: 'station-not-ready', reason: 'no-account-for-way' })
    expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(0)
    expect(await calls(h, '/dms/payment/get-pay-way-tonglian')).toHaveLength(1)
    const { entries } = await listAudit({ limit: 200 })
    expect(entries.find((e) => e.target === `station:${s.id}`)).toMatchObject({
      actorName: 'system',
      detail: {
        payerId: 'testtlzf',
        recieverWeixinId: 'RCV-0002',
        recieverAlipayId: null,
        splitFrom: 'RCV-0002',
      },
    })
  })
})
