import { beforeEach, expect, it, vi } from 'vitest'
import type { StaffUser } from '@/lib/auth/staff-user'
import { describeChargeService } from '@/tests/support/charges/harness'
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

/*
 * The manager's "check with DMS now" button, as its server action: the real role table, service,
 * database and DMS sandbox over HTTP; only the session (who is signed in) and Next's cache are
 * stand-ins. Nothing else checks these charges meanwhile (no sweep runs in a unit test), so every
 * change seen here is the action's.
 */

const signedIn = vi.hoisted(() => ({ user: null as StaffUser | null }))
const revalidated = vi.hoisted(() => [] as string[])
vi.mock('@/lib/auth/session', async () => {
  const { accessOf } = await import('@/lib/auth/staff-user')
  return { checkAccess: async (p: Parameters<typeof accessOf>[1]) => accessOf(signedIn.user, p) }
})
vi.mock('next/cache', () => ({
  revalidatePath: (path: string) => void revalidated.push(path),
  // A stale refusal re-renders the page the manager is on (define-action.ts).
  refresh: () => void revalidated.push('(this page)'),
}))

const { recheckChargeAction } = await import('./actions')

const as = (role: StaffUser['role']): StaffUser => ({
  id: `${role}-1`,
  username: role,
  displayName: role,
  role,
})

function recheck(chargeId: string) {
  const form = new FormData()
  form.append('charge_id', chargeId)
  return recheckChargeAction({ status: 'idle' }, form)
}

describeChargeService('the re-check action', (h) => {
  beforeEach(() => {
    signedIn.user = as('manager')
    revalidated.length = 0
  })

  /** A charge whose create DMS recorded but never answered, then paid by the customer. */
  async function unknownButPaid() {
    const bill = newBill('RECHECK')
    await h.control.addFault({ endpoint: 'payment', mode: 'hang-after-record', times: 1 })
    const res = await create(h, bill)
    if (res.kind !== 'created') throw new Error(`expected created, got ${res.kind}`)
    expect(res.charge.status).toBe('unknown')
    const [order] = await h.control.ordersForBill(bill)
    await h.control.pay(order!.bizOrderNo)
    return { bill, charge: res.charge }
  }

  it('moves an unknown charge to what DMS says, with one query, and refreshes the pages', async () => {
    const { bill, charge } = await unknownButPaid()
    expect(await calls(h, PATHS.query, { bzOrder: bill })).toHaveLength(0)

    const state = await recheck(charge.id)

    expect(state).toEqual({
      status: 'ok',
      data: {
        id: charge.id,
        bzOrder: bill,
        before: 'unknown',
        after: 'paid',
        changed: true,
        failing: false,
      },
    })
    expect((await row(charge.id)).status).toBe('paid')
    expect(await eventTypes(charge.id)).toEqual(['created', 'create-unanswered', 'paid'])
    expect(await calls(h, PATHS.query, { bzOrder: bill })).toHaveLength(1)
    expect(await calls(h, PATHS.create, { bzOrder: bill })).toHaveLength(1)
    expect(revalidated).toEqual([`/charges/${charge.id}`, '/attention'])
  })

  it('says so when DMS cannot be reached, and leaves the charge as it was', async () => {
    const { bill, charge } = await unknownButPaid()
    await h.control.addFault({ endpoint: 'query', mode: 'http502', times: 1 })
    const state = await recheck(charge.id)
    expect(state).toMatchObject({
      status: 'ok',
      data: { before: 'unknown', after: 'unknown', changed: false, failing: true },
    })
    expect((await row(charge.id)).status).toBe('unknown')
    expect(await calls(h, PATHS.query, { bzOrder: bill })).toHaveLength(1)
  })

  it('is refused to a cashier and to nobody signed in, before DMS is asked', async () => {
    const { bill, charge } = await unknownButPaid()
    signedIn.user = as('cashier')
    expect(await recheck(charge.id)).toMatchObject({ status: 'error', error: 'forbidden' })
    signedIn.user = null
    expect(await recheck(charge.id)).toMatchObject({ status: 'error', error: 'unauthenticated' })
    expect((await row(charge.id)).status).toBe('unknown')
    expect(await calls(h, PATHS.query, { bzOrder: bill })).toHaveLength(0)
    expect(revalidated).toEqual([])
  })

  it('still asks about a paid charge (DMS may refund it), then refuses the refunded one', async () => {
    const bill = newBill('RECHECK')
    const charge = await created(h, bill)
    await h.control.pay(charge.bizOrderNo!)
    expect(await recheck(charge.id)).toMatchObject({ status: 'ok', data: { after: 'paid' } })
    await h.control.refund(charge.bizOrderNo!)
    expect(await recheck(charge.id)).toMatchObject({
      status: 'ok',
      data: { before: 'paid', after: 'refunded', changed: true },
    })
    const asked = (await calls(h, PATHS.query, { bizOrderNo: charge.bizOrderNo! })).length
    revalidated.length = 0

    // A page drawn while it was paid: refused, named as refunded, and that page re-rendered.
    expect(await recheck(charge.id)).toMatchObject({
      status: 'error',
      error: 'ended',
      stale: { status: 'refunded' },
    })
    expect(await calls(h, PATHS.query, { bizOrderNo: charge.bizOrderNo! })).toHaveLength(asked)
    expect((await row(charge.id)).status).toBe('refunded')
    expect((await eventTypes(charge.id)).slice(-2)).toEqual(['paid', 'refunded'])
    expect(revalidated).toEqual(['(this page)'])
  })

  it('refuses a charge DMS turned down before any QR: nothing asked, nothing changed', async () => {
    const bill = newBill('RECHECK')
    const first = await created(h, bill)
    await h.control.pay(first.bizOrderNo!)
    // The ledger closed its attempt before hearing of the payment: DMS refuses the next (2003).
    await setRow(first.id, { status: 'closed', open_bill: null })
    const res = await create(h, bill)
    if (res.kind !== 'created') throw new Error(`expected created, got ${res.kind}`)
    expect(res.charge).toMatchObject({ status: 'refused', bizOrderNo: null })
    const events = await eventTypes(res.charge.id)
    const queries = (await calls(h, PATHS.query, { bzOrder: bill })).length

    expect(await recheck(res.charge.id)).toMatchObject({
      status: 'error',
      error: 'ended',
      stale: { status: 'refused' },
    })
    expect(await calls(h, PATHS.query, { bzOrder: bill })).toHaveLength(queries)
    expect(await row(res.charge.id)).toMatchObject({ status: 'refused', biz_order_no: null })
    expect(await eventTypes(res.charge.id)).toEqual(events)
    expect(revalidated).toEqual(['(this page)'])
  })

  it('refuses an id that is not one, and answers not-found for one that does not exist', async () => {
    expect(await recheck('x')).toMatchObject({ status: 'error', error: 'invalid-input' })
    expect(await recheck('00000000-0000-4000-8000-000000000000')).toMatchObject({
      status: 'error',
      error: 'not-found',
    })
    expect(revalidated).toEqual([])
  })
})
