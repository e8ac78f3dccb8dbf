import { describe, expect, it } from 'vitest'
import type { Charge } from '@/lib/charges/types'
import { PAYING_GRACE_MS } from '@/lib/charges/status'
import {
  DISPLAY_CHARGE_KEYS,
  DISPLAY_STATE_KEYS,
  displayStatus,
  toDisplayView,
  type DisplayState,
} from './view'

const NOW = 1_800_000_000_000

/** Every field filled with a recognisable value, so a leak shows up in the JSON. */
function charge(over: Partial<Charge> = {}): Charge {
  return {
    id: 'charge-id-5f0c7a',
    bzOrder: 'B20250101-7',
    amountFen: 12850,
    payWay: 'SCAN_WEIXIN',
    stationId: 'station-id-9d1e',
    cashierId: 'cashier-id-42ab',
    payerId: '1000000000000000001',
    recieverId: '2000000000000000002',
    status: 'pending',
    bizOrderNo: '3000000000000000003',
    orderNo: '4000000000000000004',
    payInfo: 'weixin://wxpay/bizpayurl?pr=abc123',
    expiresAt: NOW + 300_000,
    cancelRequestedAt: null,
    cancelRequestedBy: null,
    paidAfterCancel: false,
    paidAt: null,
    errorCode: 3000,
    errorMessage: 'card-holder Zhang San declined',
    nextCheckAt: NOW + 2000,
    claimUntil: null,
    checkFailures: 0,
    closeFailures: 0,
    closeRetryAt: null,
    version: 3,
    settledOutcome: null,
    settleDisputed: false,
    createdAt: NOW - 10_000,
    updatedAt: NOW - 1_000,
    ...over,
  }
}

const ctx = { now: NOW, shopName: '老李汽修', locale: 'zh-CN' as const, buildId: 'build-1' }

const FORBIDDEN_VALUES = [
  'charge-id-5f0c7a',
  'station-id-9d1e',
  'cashier-id-42ab',
  '1000000000000000001',
  '2000000000000000002',
  '3000000000000000003',
  '4000000000000000004',
  'Zhang San',
  'cancelled-by-user-77',
]

function expectOnlyCustomerFields(view: DisplayState) {
  expect(Object.keys(view).sort()).toEqual([...DISPLAY_STATE_KEYS].sort())
  if (view.charge) expect(Object.keys(view.charge).sort()).toEqual([...DISPLAY_CHARGE_KEYS].sort())
  const json = JSON.stringify(view)
  for (const value of FORBIDDEN_VALUES) expect(json).not.toContain(value)
  expect(json).not.toMatch(/"(id|stationId|cashierId|payerId|recieverId|bizOrderNo|orderNo)"/)
}

describe('what a tablet may see', () => {
  it.each([
    'creating',
    'pending',
    'paying',
    'paid',
    'failed',
    'closed',
    'refunded',
    'unknown',
  ] as const)('a %s charge carries no ids, accounts, staff or error details', (status) => {
    const view = toDisplayView(charge({ status, cancelRequestedBy: 'cancelled-by-user-77' }), ctx)
    expectOnlyCustomerFields(view)
    expect(view.charge).toMatchObject({
      status,
      amountFen: 12850,
      bzOrder: 'B20250101-7',
      payWay: 'SCAN_WEIXIN',
      expiresAt: NOW + 300_000,
    })
    expect(displayStatus(view.charge)).toBe(status)
  })

  it('idle: no charge, still the shop, locale, server time and build', () => {
    const view = toDisplayView(null, ctx)
    expectOnlyCustomerFields(view)
    expect(view).toEqual({
      charge: null,
      serverNow: NOW,
      shopName: '老李汽修',
      locale: 'zh-CN',
      buildId: 'build-1',
    })
    expect(displayStatus(view.charge)).toBe('idle')
  })

  it('gets the QR only while the customer can pay it', () => {
    const qr = (over: Partial<Charge>, now = NOW) =>
      toDisplayView(charge(over), { ...ctx, now }).charge?.qr
    const url = 'weixin://wxpay/bizpayurl?pr=abc123'
    expect(qr({ status: 'pending' })).toBe(url)
    expect(qr({ status: 'paying' })).toBe(url)
    expect(qr({ status: 'creating', payInfo: null })).toBeNull()
    expect(qr({ status: 'unknown' })).toBeNull()
    expect(qr({ status: 'pending', cancelRequestedAt: NOW - 1 })).toBeNull()
    for (const status of ['paid', 'failed', 'closed', 'refunded'] as const) {
      expect(qr({ status })).toBeNull()
    }
    // Past the deadline (the close not done yet, e.g. DMS unreachable): pending loses it at once,
    // a customer mid-payment keeps it for the same grace the cashier's side gives.
    const deadline = NOW + 300_000
    expect(qr({ status: 'pending' }, deadline)).toBeNull()
    expect(qr({ status: 'paying' }, deadline + PAYING_GRACE_MS - 1)).toBe(url)
    expect(qr({ status: 'paying' }, deadline + PAYING_GRACE_MS)).toBeNull()
  })

  it('says why a charge ended: a QR that timed out is expired, a cashier’s cancel is not', () => {
    const ended = (over: Partial<Charge>) => toDisplayView(charge(over), ctx).charge!
    const deadline = NOW + 300_000
    const closed = { status: 'closed' as const, payInfo: 'weixin://wxpay/bizpayurl?pr=abc123' }
    // The timeout close (the watched screen's check, the sweep): the system, at or past the deadline.
    const timedOut = ended({
      ...closed,
      cancelRequestedAt: deadline,
      cancelRequestedBy: null, // the system's close names nobody
    })
    expect(timedOut).toMatchObject({ status: 'closed', expired: true })
    const cancelled = ended({ ...closed, cancelRequestedAt: NOW, cancelRequestedBy: '收银员小王' })
    expect(cancelled).toMatchObject({ status: 'closed', expired: false })
    // Closed by the system before the deadline (its QR never reached us), or by DMS itself.
    expect(ended({ ...closed, cancelRequestedAt: NOW, cancelRequestedBy: null }).expired).toBe(
      false,
    )
    expect(ended({ ...closed, cancelRequestedAt: null }).expired).toBe(false)
    expect(ended({ status: 'pending' }).expired).toBe(false)
    // A lost create's attempt closed by the system after the deadline (DMS was down until then):
    // its QR never reached us, so nothing expired on the customer's screen.
    const lateReconcile = { cancelRequestedAt: deadline + 60_000, cancelRequestedBy: null }
    expect(ended({ ...closed, ...lateReconcile, payInfo: null }).expired).toBe(false)
  })

  it('a create DMS answered payStatus "fail" (no QR) could not be started; a failed scan failed', () => {
    const failed = (payInfo: string | null) =>
      toDisplayView(charge({ status: 'failed', payInfo, errorCode: 3000 }), ctx).charge!
    const noQr = failed(null)
    expect(noQr.status).toBe('refused')
    expect(displayStatus(noQr)).toBe('refused')
    expect(failed('weixin://wxpay/bizpayurl?pr=abc123').status).toBe('failed')
    // A refusal by code, and a create that never reached DMS, are what they were.
    const refused = charge({ status: 'refused', payInfo: null, errorCode: 2007, bizOrderNo: null })
    expect(toDisplayView(refused, ctx).charge!.status).toBe('refused')
    const notSent = charge({ status: 'failed', payInfo: null, errorCode: null, bizOrderNo: null })
    expect(toDisplayView(notSent, ctx).charge!.status).toBe('failed')
  })
})
