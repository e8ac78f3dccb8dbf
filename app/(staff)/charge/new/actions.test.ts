import { createServer, type AddressInfo } from 'node:net'
import { afterEach, beforeEach, expect, it, vi, type MockInstance } from 'vitest'
import type { StaffUser } from '@/lib/auth/staff-user'
import { createDmsClient, setDmsClientForTests } from '@/lib/dms/client'
import { getSettings, updateSettings } from '@/lib/settings/repo'
import { createStation } from '@/lib/stations/repo'
import { describeChargeService } from '@/tests/support/charges/harness'
import { newBill } from '@/tests/support/charges/helpers'

/*
 * The new-charge action when a fresh station's accounts must come from DMS and DMS cannot give
 * them: the real service, database and DMS sandbox; only the session and Next's request (cookies,
 * headers: no browser here, so the shop's language, zh-CN) are stand-ins. What the cashier reads
 * is the error's sentence, never the DMS client's own notes (English, with DMS's address): those
 * go to the server's log, which each test reads (a spy on console.warn) rather than letting it print.
 */

const signedIn = vi.hoisted(() => ({ user: null as StaffUser | null }))
vi.mock('@/lib/auth/session', async () => {
  const { accessOf } = await import('@/lib/auth/staff-user')
  return { checkAccess: async (p: Parameters<typeof accessOf>[1]) => accessOf(signedIn.user, p) }
})
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: () => {} }),
  headers: async () => new Headers(),
}))

// Next's refresh() needs a server action's request; here it only counts the pages re-rendered.
const refreshed = vi.hoisted(() => ({ count: 0 }))
vi.mock('next/cache', () => ({ refresh: () => void (refreshed.count += 1) }))

const { createChargeAction } = await import('./actions')

/** A port nothing listens on: taken from the system, then let go. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

function charge(stationId: string) {
  const form = new FormData()
  form.append('bz_order', newBill('NEW'))
  form.append('amount', '128.50')
  form.append('pay_way', 'SCAN_WEIXIN')
  form.append('station_id', stationId)
  return createChargeAction({ status: 'idle' }, form)
}

describeChargeService('the new-charge action, DMS unable to give a station its accounts', (h) => {
  let stationId = ''
  let warned: MockInstance<typeof console.warn>
  /** The one line the server logged: DMS's raw note, kept from the cashier but not from the log. */
  const loggedNote = (note: RegExp) =>
    expect(warned.mock.calls).toEqual([
      ['new charge: DMS accounts unreadable', null, expect.stringMatching(note)],
    ])
  beforeEach(async () => {
    warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
    signedIn.user = { id: h.cashier.id, username: 'cashier1', displayName: '小王', role: 'cashier' }
    // A station with no accounts yet: its first charge asks DMS for them.
    stationId = (await createStation(newBill('台'), { kind: 'cli', id: null, name: 'test' })).id
  })
  afterEach(async () => {
    warned.mockRestore()
    await h.control.clearFaults()
    setDmsClientForTests(undefined)
  })

  it('says DMS cannot be reached, in Chinese, without the DMS address', async () => {
    // A port just freed: the connection is refused, and Node names the address it tried.
    const port = await freePort()
    setDmsClientForTests(
      createDmsClient({ baseUrl: `http://127.0.0.1:${port}`, token: 'T', timeoutMs: 2000 }),
    )
    const state = await charge(stationId)
    expect(state).toMatchObject({
      status: 'ok',
      data: {
        kind: 'station-not-ready',
        reason: 'dms',
        message: '暂时无法连接 DMS',
        action: '请求没有发出。请检查收银台网络后重试；如持续出现请联系店长。',
      },
    })
    expect(JSON.stringify(state)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/)
    loggedNote(new RegExp(`^ECONNREFUSED: .*127\\.0\\.0\\.1:${port}$`))
  })

  it('says an HTTP failure as the error text does, not as the client noted it', async () => {
    await h.control.addFault({ endpoint: 'biz-user', mode: 'http503' })
    const state = await charge(stationId)
    expect(state).toMatchObject({
      status: 'ok',
      data: {
        kind: 'station-not-ready',
        reason: 'dms',
        message: '暂时无法连接 DMS（HTTP 503）',
        action: '请稍后重试；如持续出现请联系店长。',
      },
    })
    loggedNote(/^HTTP 503: /)
  })

  it('says a timeout in words of its own: no payment was started, nothing is being checked', async () => {
    await h.control.addFault({ endpoint: 'biz-user', mode: 'hang' })
    const state = await charge(stationId)
    expect(state).toEqual({
      status: 'ok',
      data: expect.objectContaining({ kind: 'station-not-ready', reason: 'dms-timeout' }),
    })
    expect(state.status === 'ok' && 'message' in state.data && state.data.message).toBeFalsy()
    loggedNote(/^no answer within \d+ ms$/)
  })
})

describeChargeService('the new-charge action, the limit lowered while the form was open', (h) => {
  const manager = { kind: 'cli' as const, id: null, name: 'test' }
  let before = 0
  beforeEach(async () => {
    signedIn.user = { id: h.cashier.id, username: 'cashier1', displayName: '小王', role: 'cashier' }
    before = (await getSettings()).maxAmountFen
    refreshed.count = 0
  })
  afterEach(async () => {
    await updateSettings({ maxAmountFen: before }, manager)
  })

  /** ¥200.00 for a new bill, from a form drawn when the limit was `drawnMaxFen`. */
  function overLimitForm(drawnMaxFen: string): FormData {
    const form = new FormData()
    form.append('bz_order', newBill('MAX'))
    form.append('amount', '200.00')
    form.append('pay_way', 'SCAN_WEIXIN')
    form.append('station_id', 'any')
    form.append('drawn_max_fen', drawnMaxFen)
    return form
  }

  it('refuses as stale, naming the new limit, and keeps the amount typed', async () => {
    // The form was drawn with ¥50,000.00; the manager then lowered it to ¥100.00.
    await updateSettings({ maxAmountFen: 10_000 }, manager)
    const state = await createChargeAction({ status: 'idle' }, overLimitForm('5000000'))
    expect(state).toMatchObject({
      status: 'error',
      error: 'max-changed',
      stale: { max: 10_000 },
      fieldErrors: { amount: ['too-large'] },
      values: { amount: '200.00' },
    })
    expect(refreshed.count).toBe(1)
  })

  it('a plain field error when the form already knew the limit', async () => {
    await updateSettings({ maxAmountFen: 10_000 }, manager)
    const state = await createChargeAction({ status: 'idle' }, overLimitForm('10000'))
    expect(state).toMatchObject({ status: 'error', error: 'invalid-input' })
    expect(state.status === 'error' && state.stale).toBeUndefined()
    expect(refreshed.count).toBe(0)
  })
})

describeChargeService('the new-charge action, the bill open at another station', (h) => {
  beforeEach(() => {
    signedIn.user = { id: h.cashier.id, username: 'cashier1', displayName: '小王', role: 'cashier' }
  })

  function form(bill: string, stationId: string): FormData {
    const f = new FormData()
    f.append('bz_order', bill)
    f.append('amount', '128.50')
    f.append('pay_way', 'SCAN_WEIXIN')
    f.append('station_id', stationId)
    return f
  }

  it('refuses to resume it, naming that station, and keeps what was typed', async () => {
    const bill = newBill('ELSE')
    const nameA = newBill('A台')
    const a = await createStation(nameA, { kind: 'cli', id: null, name: 'test' })
    const b = await createStation(newBill('B台'), { kind: 'cli', id: null, name: 'test' })
    const first = await createChargeAction({ status: 'idle' }, form(bill, a.id))
    expect(first).toMatchObject({ status: 'ok', data: { kind: 'created' } })
    const openId = first.status === 'ok' && first.data.kind === 'created' && first.data.charge.id

    const atB = await createChargeAction({ status: 'idle' }, form(bill, b.id))
    expect(atB).toEqual({
      status: 'ok',
      data: {
        kind: 'other-station',
        chargeId: openId,
        bzOrder: bill,
        amountFen: 12_850,
        stationName: nameA,
        values: { bz_order: bill, amount: '128.50', pay_way: 'SCAN_WEIXIN', station_id: b.id },
      },
    })
    // At its own station it is resumed as before.
    const atA = await createChargeAction({ status: 'idle' }, form(bill, a.id))
    expect(atA).toMatchObject({ status: 'ok', data: { kind: 'open-exists', chargeId: openId } })
  })
})
