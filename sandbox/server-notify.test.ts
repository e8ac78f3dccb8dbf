import { createHmac, timingSafeEqual } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import {
  fakeClock,
  paymentParams,
  startReceiver,
  startSandbox,
  type Received,
  type Started,
} from '@/tests/support/sandbox-http'
import { sleep } from '@/tests/support/wait'

const SECRET = 'notify-secret-0123456789'

let sb: Started | undefined
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined

afterEach(async () => {
  await sb?.sandbox.close()
  await receiver?.close()
  sb = undefined
  receiver = undefined
})

async function setup(
  options: { secret?: string | null; clock?: ReturnType<typeof fakeClock> } = {},
) {
  receiver = await startReceiver()
  sb = await startSandbox({
    notifyUrl: receiver.url,
    notifySecret: options.secret === null ? undefined : (options.secret ?? SECRET),
    now: options.clock?.now,
  })
  return { sb, receiver }
}

async function create(s: Started, over: Record<string, unknown> = {}): Promise<string> {
  const r = await s.dms('/dms/cash-out/payment', paymentParams(over))
  return (r.body?.data as { bizOrderNo: string }).bizOrderNo
}

function validSignature(n: Received): boolean {
  const expected = createHmac('sha256', SECRET).update(n.body).digest()
  const given = Buffer.from(String(n.headers['x-dms-signature']), 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

describe('F. notifications', () => {
  it('posts signed form fields when an attempt is paid', async () => {
    const { sb, receiver } = await setup()
    const no = await create(sb)
    await sb.control.scan(no)
    await sb.control.pay(no)
    const [n] = await receiver.waitFor(1)
    expect(n?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(n && validSignature(n)).toBe(true)
    expect(Object.keys(n?.fields ?? {})).toEqual([
      'bizOrderNo',
      'orderNo',
      'bz_order',
      'amount',
      'orderStatus',
      'payDatetime',
      'notifyId',
      'notifyTime',
    ])
    expect(n?.fields).toMatchObject({
      bizOrderNo: no,
      bz_order: 'BILL-1',
      amount: '12850',
      orderStatus: '4',
    })
    expect(n?.fields.payDatetime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    await sleep(50)
    // Scanning (99) is not announced; only 4, 3, 6, 5 are.
    expect(receiver.received).toHaveLength(1)
    const [log] = await sb.control.notifications()
    expect(log).toMatchObject({
      bizOrderNo: no,
      outcome: 'sent',
      httpStatus: 200,
      response: 'success',
    })
  })

  it('announces failed, closed (DMS close and lazy expiry) and refunded', async () => {
    const clock = fakeClock()
    const { sb, receiver } = await setup({ clock })
    const failed = await create(sb, { bz_order: 'F' })
    await sb.control.fail(failed, '余额不足')
    const closed = await create(sb, { bz_order: 'C' })
    await sb.dms('/dms/cash-out/close', { biz_order_no: closed })
    const refunded = await create(sb, { bz_order: 'R' })
    await sb.control.pay(refunded)
    await sb.control.refund(refunded)
    const expired = await create(sb, { bz_order: 'E' })
    clock.advance(3 * 3_600_000)
    await sb.dms('/dms/cash-out/query', { biz_order_no: expired })
    const got = await receiver.waitFor(5)
    expect(got.map((n) => [n.fields.bizOrderNo, n.fields.orderStatus])).toEqual([
      [failed, '3'],
      [closed, '6'],
      [refunded, '4'],
      [refunded, '5'],
      [expired, '6'],
    ])
    expect(got.every(validSignature)).toBe(true)
  })

  it('drop sends nothing (and logs it as dropped)', async () => {
    const { sb, receiver } = await setup()
    await sb.control.setNotify({ drop: true })
    const no = await create(sb)
    await sb.control.pay(no)
    await sleep(150)
    expect(receiver.received).toEqual([])
    expect((await sb.control.notifications())[0]?.outcome).toBe('dropped')
  })

  it('duplicate sends the same notification twice', async () => {
    const { sb, receiver } = await setup()
    await sb.control.setNotify({ duplicate: true })
    await sb.control.pay(await create(sb))
    const [a, b] = await receiver.waitFor(2)
    expect(a?.body).toBe(b?.body)
  })

  it('delayMs sends late; reorder lets a later notification overtake', async () => {
    const { sb, receiver } = await setup()
    await sb.control.setNotify({ delayMs: 150, reorder: true })
    const no = await create(sb)
    const t = Date.now()
    await sb.control.pay(no)
    await sb.control.refund(no)
    const got = await receiver.waitFor(2)
    expect(Date.now() - t).toBeGreaterThanOrEqual(140)
    expect(got.map((n) => n.fields.orderStatus)).toEqual(['5', '4'])
  })

  it('renotify resends the last notification verbatim', async () => {
    const { sb, receiver } = await setup()
    const no = await create(sb)
    await expect(sb.control.renotify(no)).rejects.toMatchObject({ status: 409 })
    await sb.control.pay(no)
    await receiver.waitFor(1)
    await sb.control.renotify(no)
    const [a, b] = await receiver.waitFor(2)
    expect(b?.body).toBe(a?.body)
  })

  it('sends no signature without a secret', async () => {
    const { sb, receiver } = await setup({ secret: null })
    await sb.control.pay(await create(sb))
    const [n] = await receiver.waitFor(1)
    expect(n?.headers['x-dms-signature']).toBeUndefined()
  })

  it('keeps working when the cashier is down', async () => {
    const { sb, receiver } = await setup()
    await receiver.close()
    const no = await create(sb)
    await sb.control.pay(no)
    await sleep(200)
    expect((await sb.control.notifications())[0]?.outcome).toBe('failed')
    expect((await sb.dms('/dms/cash-out/query', { biz_order_no: no })).body?.errCode).toBe(1000)
  })
})
