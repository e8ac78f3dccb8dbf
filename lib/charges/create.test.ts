import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createDmsClient, type DmsClient } from '@/lib/dms/client'
import { createStation, getStation, setStationAccounts } from '@/lib/stations'
import { setDmsClientForTests } from '@/lib/dms/client'
import { toDisplayCharge } from '@/lib/display/view'
import { storedFailure } from './failure'
import { refreshCharge } from './refresh'
import { getCharge } from './repo'
import { listEvents } from './repo-events'
import { toChargeView } from './view'
import {
  DMS_TOKEN,
  TIMEOUT_MS,
  type Harness,
  describeChargeService,
} from '@/tests/support/charges/harness'
import {
  calls,
  create,
  created,
  eventTypes,
  newBill,
  PATHS,
  row,
  setRow,
} from '@/tests/support/charges/helpers'

/** The real sandbox over HTTP, with its receiving accounts listed in another order. */
function reorderedReceivers(h: Harness, order: (ids: string[]) => string[]): DmsClient {
  const real = createDmsClient({ baseUrl: h.url, token: DMS_TOKEN, timeoutMs: TIMEOUT_MS })
  return {
    ...real,
    async listReceivers() {
      const res = await real.listReceivers()
      if (!res.ok) return res
      const ids = order(res.data.map((r) => r.id))
      return { ok: true, data: ids.map((id) => res.data.find((r) => r.id === id)!) }
    },
  }
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describeChargeService('charge service: create', (h) => {
  describe('a new charge', () => {
    it('is pending with the QR content and DMS ids exactly as the sandbox made them', async () => {
      const bill = newBill()
      const charge = await created(h, bill)
      const [order] = await h.control.ordersForBill(bill)
      expect(order).toBeDefined()
      expect(charge.status).toBe('pending')
      expect(charge.payInfo).toBe(order!.payInfo)
      expect(charge.bizOrderNo).toBe(order!.bizOrderNo)
      // 19 digits, above 2^53: any trip through a JS number would have changed its last digits.
      expect(order!.orderNo).toMatch(/^\d{19}$/)
      expect(BigInt(order!.orderNo) > 2n ** 53n).toBe(true)
      expect(charge.orderNo).toBe(order!.orderNo)

      const stored = await row(charge.id)
      expect(stored).toMatchObject({
        status: 'pending',
        open_bill: bill,
        pay_info: order!.payInfo,
        biz_order_no: order!.bizOrderNo,
        order_no: order!.orderNo,
        amount_fen: 12850,
        cashier_id: h.cashier.id,
      })
      expect(typeof stored.order_no).toBe('string')
      expect(typeof stored.biz_order_no).toBe('string')
      expect(await eventTypes(charge.id)).toEqual(['created', 'qr-issued'])

      const sent = await calls(h, PATHS.create)
      expect(sent).toHaveLength(1)
      expect(sent[0]!.params).toEqual({
        bz_order: bill,
        amount: '12850',
        pay_way: 'SCAN_WEIXIN',
        payer_id: 'testtlzf',
        reciever_id: 'RCV-0001',
      })
    })

    it('defaults the station accounts from DMS once: payer testtlzf, first verified receiver', async () => {
      const station = await createStation(`fresh-${newBill()}`, {
        kind: 'cli',
        id: null,
        name: 'test',
      })
      const charge = await created(h, newBill(), { stationId: station.id })
      expect(charge).toMatchObject({ payerId: 'testtlzf', recieverId: 'RCV-0001' })
      expect(await getStation(station.id)).toMatchObject({
        payerId: 'testtlzf',
        recieverIds: { SCAN_WEIXIN: 'RCV-0001', SCAN_ALIPAY: 'RCV-0001' },
      })
      await created(h, newBill(), { stationId: station.id })
      // The second charge uses the stored accounts: B and C were asked once.
      expect(await calls(h, '/fin-account/biz-user')).toHaveLength(1)
      expect(await calls(h, '/dms/payment/get-pay-way-tonglian')).toHaveLength(1)
    })

    it('never picks the unverified receiver, even when DMS lists it first', async () => {
      try {
        setDmsClientForTests(reorderedReceivers(h, (ids) => [...ids].reverse()))
        const alipay = await createStation(`rev-${newBill()}`, {
          kind: 'cli',
          id: null,
          name: 'test',
        })
        const charge = await created(h, newBill(), { stationId: alipay.id, payWay: 'SCAN_ALIPAY' })
        // RCV-0003 (unverified, both pay ways) comes first; RCV-0002 takes WeChat only.
        expect(charge.recieverId).toBe('RCV-0001')
        expect(charge.status).toBe('pending')

        setDmsClientForTests(reorderedReceivers(h, (ids) => ids.filter((id) => id === 'RCV-0003')))
        const lonely = await createStation(`unv-${newBill()}`, {
          kind: 'cli',
          id: null,
          name: 'test',
        })
        const bill = newBill()
        const result = await create(h, bill, { stationId: lonely.id })
        expect(result).toEqual({ kind: 'station-not-ready', reason: 'no-account' })
        expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(0)
        expect((await getStation(lonely.id))?.recieverIds).toEqual({
          SCAN_WEIXIN: null,
          SCAN_ALIPAY: null,
        })
      } finally {
        setDmsClientForTests(undefined)
      }
    })
  })

  describe('one open charge per bill', () => {
    it('five concurrent submits make one DMS create; the others resume it', async () => {
      const bill = newBill()
      const results = await Promise.all([1, 2, 3, 4, 5].map(() => create(h, bill)))
      const kinds = results.map((r) => r.kind).sort()
      expect(kinds).toEqual(['created', 'open-exists', 'open-exists', 'open-exists', 'open-exists'])
      const ids = new Set(results.map((r) => ('charge' in r ? r.charge.id : null)))
      expect(ids.size).toBe(1)
      expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(1)
      expect(await h.control.ordersForBill(bill)).toHaveLength(1)
      const only = [...ids][0]!
      expect((await getCharge(only))?.status).toBe('pending')
    })

    it('a different amount on an open bill is refused without calling DMS', async () => {
      const bill = newBill()
      const first = await created(h, bill)
      const again = await create(h, bill)
      expect(again).toMatchObject({ kind: 'open-exists', charge: { id: first.id } })
      const other = await create(h, bill, { amountFen: 99 })
      expect(other).toMatchObject({ kind: 'amount-mismatch', charge: { id: first.id } })
      expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(1)
    })

    it('another station’s open charge of the bill is not resumed: refused, naming that station', async () => {
      // Resumed, the QR showed on the first station's tablet and the money went to its accounts,
      // while the customer stood at the second one looking at a blank tablet.
      const bill = newBill()
      const first = await created(h, bill)
      const firstStation = (await getStation(h.stationId))!
      const here = await createStation(`B-${newBill()}`, { kind: 'cli', id: null, name: 'test' })
      for (const amountFen of [12850, 99]) {
        const other = await create(h, bill, { stationId: here.id, amountFen })
        expect(other).toMatchObject({
          kind: 'other-station',
          stationName: firstStation.name,
          charge: { id: first.id, stationId: h.stationId, status: 'pending' },
        })
      }
      expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(1)
      // Still resumed at its own station.
      expect(await create(h, bill)).toMatchObject({ kind: 'open-exists', charge: { id: first.id } })
    })
  })

  describe('DMS says no, or cannot be reached', () => {
    it('a setup refusal is `refused` (not failed) with DMS’s code and words, and frees the bill', async () => {
      await h.control.settings({ payerDailyLimit: 0 })
      const bill = newBill()
      const res = await create(h, bill)
      if (res.kind !== 'created') throw new Error(res.kind)
      expect(res.charge).toMatchObject({ status: 'refused', errorCode: 2007 })
      expect(res.charge.errorMessage).toMatch(/上限/)
      expect((await listEvents(res.charge.id)).at(-1)).toMatchObject({
        type: 'create-declined',
        dmsCode: 2007,
      })
      expect((await row(res.charge.id)).open_bill).toBeNull()

      await h.control.settings({ payerDailyLimit: 100 })
      const again = await create(h, bill)
      expect(again).toMatchObject({ kind: 'created', charge: { status: 'pending' } })
      expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(2)
    })

    it('a bill the ledger has paid is answered from the ledger: nothing recorded, DMS not asked', async () => {
      const bill = newBill()
      const first = await created(h, bill)
      await h.control.pay(first.bizOrderNo!)
      expect((await refreshCharge(first.id, { force: true }))?.status).toBe('paid')
      const again = await create(h, bill)
      expect(again).toMatchObject({
        kind: 'already-paid',
        charge: { id: first.id, status: 'paid' },
      })
      expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(1)
    })

    it('DMS’s 2003 (paid elsewhere) is `refused`, not a failed payment', async () => {
      const bill = newBill()
      const first = await created(h, bill)
      await h.control.pay(first.bizOrderNo!)
      // The ledger closed its attempt before hearing of the payment: DMS is the one to refuse.
      await setRow(first.id, { status: 'closed', open_bill: null })
      const res = await create(h, bill)
      expect(res).toMatchObject({ kind: 'created', charge: { status: 'refused', errorCode: 2003 } })
    })

    // payStatus "fail" on the create: DMS made the attempt but no QR, so no customer ever scanned.
    it('a create answered payStatus “fail” is failed with no QR, said as the platform making none', async () => {
      await h.control.addFault({ mode: 'pay-fail', errMsg: '商户号状态异常', times: 1 })
      const res = await create(h, newBill())
      if (res.kind !== 'created') throw new Error(res.kind)
      const [order] = await h.control.ordersForBill(res.charge.bzOrder)
      expect(res.charge).toMatchObject({
        status: 'failed',
        payInfo: null,
        bizOrderNo: order!.bizOrderNo,
        errorCode: 3000,
        errorMessage: '商户号状态异常',
      })
      expect(await eventTypes(res.charge.id)).toEqual(['created', 'create-declined'])
      expect(storedFailure(res.charge)).toEqual({ kind: 'no-qr', message: '商户号状态异常' })
      expect(toChargeView(res.charge, 'zh-CN').error).toMatchObject({
        message: '支付平台未能生成收款码：商户号状态异常',
        dmsCode: null,
      })
      expect(toDisplayCharge(res.charge, Date.now()).status).toBe('refused')
    })

    it('a create that certainly never left fails at once instead of going unknown', async () => {
      await setStationAccounts(h.stationId, {
        payerId: 'testtlzf',
        recieverWeixinId: 'RCV-0001',
        recieverAlipayId: 'RCV-0001',
      })
      const port = await closedPort()
      try {
        setDmsClientForTests(
          createDmsClient({
            baseUrl: `http://127.0.0.1:${port}`,
            token: DMS_TOKEN,
            timeoutMs: 800,
          }),
        )
        const res = await create(h, newBill())
        expect(res).toMatchObject({ kind: 'created', charge: { status: 'failed' } })
        if (res.kind !== 'created') return
        expect(await eventTypes(res.charge.id)).toEqual(['created', 'create-not-sent'])
        expect(res.charge.errorMessage).toMatch(/ECONNREFUSED/)
      } finally {
        setDmsClientForTests(undefined)
      }
    })
  })
})
