import { expect, it } from 'vitest'
import { readSystemText } from '@/lib/dms/system-text'
import { dmsCall, paymentParams } from '@/tests/support/sandbox-http'
import { refreshCharge } from './refresh'
import { listEvents } from './repo-events'
import { DMS_TOKEN, describeChargeService } from '@/tests/support/charges/harness'
import { create, created, newBill, PATHS, calls } from '@/tests/support/charges/helpers'

const refresh = async (id: string) => (await refreshCharge(id, { force: true }))!

/*
 * A query answered about another attempt or bill (a misbehaving DMS, a proxy mixing answers up):
 * applied, it marked this charge with the other's status — paid, money the shop never got. It is
 * an answer we cannot use: the charge stays as it was, the failed check says why, the next check
 * asks again. The sandbox's `other-order` fault answers with the newest attempt not asked about.
 */
describeChargeService('charge service: an answer about another payment', (h) => {
  /** A paid attempt of the same amount at DMS that no charge of ours made (another till, DMS's UI). */
  async function paidElsewhere() {
    const bill = newBill('ELSE')
    const sent = await dmsCall(h.url, PATHS.create, paymentParams({ bz_order: bill }), {
      token: DMS_TOKEN,
    })
    expect(sent.body?.errCode).toBe(1000)
    const [order] = await h.control.ordersForBill(bill)
    await h.control.pay(order!.bizOrderNo)
    return order!
  }

  async function lastEvent(id: string) {
    return (await listEvents(id)).at(-1)!
  }

  it('an open charge stays pending, its check failed with the reason, and is asked again', async () => {
    const charge = await created(h, newBill())
    expect(charge.status).toBe('pending')
    const other = await paidElsewhere()
    await h.control.addFault({ mode: 'other-order', times: 1 })

    const after = await refresh(charge.id)
    expect(after).toMatchObject({ status: 'pending', paidAt: null, bizOrderNo: charge.bizOrderNo })
    const failed = await lastEvent(charge.id)
    expect(failed).toMatchObject({ type: 'check-failed', actorType: 'system', dmsCode: null })
    expect(failed.dmsMessage).toBe(
      `/dms/cash-out/query: answer about bizOrderNo "${other.bizOrderNo}", asked "${charge.bizOrderNo}"`,
    )
    expect(readSystemText(failed.dmsMessage)?.kind).toBe('mismatch')

    // The next check is answered about this charge: still waiting, nothing more failed.
    expect(await refresh(charge.id)).toMatchObject({ status: 'pending', checkFailures: 0 })
    const asked = await calls(h, PATHS.query, { bizOrderNo: charge.bizOrderNo! })
    expect(asked).toHaveLength(2)
  })

  it('an unknown charge stays unknown, then is reconciled by its own bill', async () => {
    const bill = newBill()
    await h.control.addFault({ endpoint: 'payment', mode: 'hang-after-record', times: 1 })
    const res = await create(h, bill)
    if (res.kind !== 'created') throw new Error(`expected created, got ${res.kind}`)
    expect(res.charge.status).toBe('unknown')
    const other = await paidElsewhere()
    await h.control.addFault({ mode: 'other-order', times: 1 })

    const after = await refresh(res.charge.id)
    expect(after).toMatchObject({ status: 'unknown', bizOrderNo: null, paidAt: null })
    const failed = await lastEvent(res.charge.id)
    expect(failed).toMatchObject({ type: 'check-failed', dmsCode: null })
    expect(failed.dmsMessage).toBe(
      `/dms/cash-out/query: answer about bz_order "${other.bzOrder}", asked "${bill}"`,
    )

    // Asked again, about its own bill: its attempt is found and closed (its QR never arrived).
    const [mine] = await h.control.ordersForBill(bill)
    expect(await refresh(res.charge.id)).toMatchObject({
      status: 'closed',
      bizOrderNo: mine!.bizOrderNo,
    })
  })
})
