import { expect, it } from 'vitest'
import { toDisplayView } from '@/lib/display/view'
import { cancelCharge } from './cancel'
import { closeReason } from './close-reason'
import { refreshCharge } from './refresh'
import { toChargeView } from './view'
import { describeChargeService } from '@/tests/support/charges/harness'
import { create, created, newBill, setRow } from '@/tests/support/charges/helpers'

/*
 * Why a closed charge closed, as the service records it: a person's cancel names the person, the
 * cashier's own timeout close names nobody. A display name is free text and defaults to the
 * username, so a staff member may be called "cashier", the system actor's name.
 */
describeChargeService('why a charge closed', (h) => {
  const tablet = (c: Parameters<typeof toDisplayView>[0]) =>
    toDisplayView(c, { now: Date.now(), shopName: 'S', locale: 'zh-CN', buildId: 'b' }).charge!

  it('a staff member called "cashier" who cancels has cancelled it, before or after the deadline', async () => {
    const person = { type: 'user', id: h.cashier.id, name: 'cashier' } as const
    const early = await created(h, newBill())
    const res = await cancelCharge(early.id, person, 'cancel')
    if (res.kind !== 'done') throw new Error(`expected done, got ${res.kind}`)
    expect(res.charge.status).toBe('closed')
    expect(toChargeView(res.charge, 'zh-CN')).toMatchObject({
      closeReason: 'cancelled',
      closedBy: 'cashier',
    })

    // Past the deadline, before the sweep's timeout close: still the person's cancel, not "expired".
    const late = await created(h, newBill())
    await setRow(late.id, { expires_at: Date.now() - 1 })
    const res2 = await cancelCharge(late.id, person, 'cancel')
    if (res2.kind !== 'done') throw new Error(`expected done, got ${res2.kind}`)
    expect(closeReason(res2.charge)).toBe('cancelled')
    expect(tablet(res2.charge)).toMatchObject({ status: 'closed', expired: false })
  })

  it('the cashier’s own close at the deadline is a timeout, the QR expired', async () => {
    const charge = await created(h, newBill())
    await setRow(charge.id, { expires_at: Date.now() - 1 })
    const after = await refreshCharge(charge.id, { force: true })
    expect(after).toMatchObject({ status: 'closed', cancelRequestedBy: null })
    expect(toChargeView(after!, 'zh-CN')).toMatchObject({ closeReason: 'timeout', closedBy: null })
    expect(tablet(after!)).toMatchObject({ status: 'closed', expired: true })
  })

  /*
   * DMS down past the QR's deadline: the create's answer was lost, and the query that finds its
   * attempt (and closes it, no QR having reached the counter) comes only after the deadline. Told
   * by the time of the close, it read 已过期 / "expired" on every screen.
   */
  it('a lost create reconciled after the deadline closed because its QR never arrived, not expired', async () => {
    await h.control.addFault({ endpoint: 'payment', mode: 'hang-after-record', times: 1 })
    const res = await create(h, newBill())
    if (res.kind !== 'created') throw new Error(`expected created, got ${res.kind}`)
    expect(res.charge).toMatchObject({ status: 'unknown', payInfo: null })
    await setRow(res.charge.id, { expires_at: Date.now() - 1 })
    const after = (await refreshCharge(res.charge.id, { force: true }))!
    expect(after).toMatchObject({ status: 'closed', cancelRequestedBy: null })
    expect(after.cancelRequestedAt).toBeGreaterThan(after.expiresAt)
    expect(closeReason(after)).toBe('qr-never-received')
    expect(toChargeView(after, 'en')).toMatchObject({
      closeReason: 'qr-never-received',
      closedBy: null,
    })
    expect(tablet(after)).toMatchObject({ status: 'closed', expired: false })
  })
})
