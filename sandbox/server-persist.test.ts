import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSandbox } from './server'
import {
  paymentParams,
  startSandbox,
  TOKEN,
  watchUntil,
  type Started,
} from '@/tests/support/sandbox-http'

let dir: string
let file: string
const running: Started[] = []

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dms-sandbox-'))
  file = join(dir, 'nested', 'sandbox.json')
})
afterEach(async () => {
  for (const s of running.splice(0)) await s.sandbox.close()
  rmSync(dir, { recursive: true, force: true })
})

async function start(options: { autoPay?: boolean } = {}): Promise<Started> {
  const s = await startSandbox({ dataFile: file, ...options })
  running.push(s)
  return s
}

async function stop(s: Started): Promise<void> {
  running.splice(running.indexOf(s), 1)
  await s.sandbox.close()
}

async function create(s: Started, over: Record<string, unknown> = {}): Promise<string> {
  const r = await s.dms('/dms/cash-out/payment', paymentParams(over))
  expect(r.body?.errCode).toBe(1000)
  return (r.body?.data as { bizOrderNo: string }).bizOrderNo
}

describe('persistence', () => {
  it('keeps orders, statuses and settings across a restart (close flushes at once)', async () => {
    const first = await start()
    const paid = await create(first, { bz_order: 'A' })
    await first.control.pay(paid)
    const open = await create(first, { bz_order: 'B' })
    await first.control.settings({ payerDailyLimit: 3 })
    await stop(first)

    const second = await start()
    expect((await second.control.orders()).map((o) => [o.bizOrderNo, o.orderStatus])).toEqual([
      [open, 1],
      [paid, 4],
    ])
    const q = await second.dms('/dms/cash-out/query', { bz_order: 'A' })
    expect(q.body?.data).toMatchObject({ bizOrderNo: paid, orderStatus: 4 })
    // Daily counts survived: 2 used, limit 3.
    const third = await create(second, { bz_order: 'C' })
    expect(third > open).toBe(true)
    expect(
      (await second.dms('/dms/cash-out/payment', paymentParams({ bz_order: 'D' }))).body?.errCode,
    ).toBe(2007)
  })

  it('writes atomically: valid JSON, no temp file left behind', async () => {
    const s = await start()
    await create(s)
    // The write is deferred: wait for the file to hold the order, however long that takes.
    await watchUntil(
      async () => existsSync(file) && readFileSync(file, 'utf8').includes('"bzOrder"'),
      Boolean,
    )
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      version: number
      state: { orders: unknown[] }
    }
    expect(parsed.version).toBe(1)
    expect(parsed.state.orders).toHaveLength(1)
    expect(readdirSync(join(dir, 'nested'))).toEqual(['sandbox.json'])
  })

  it('re-arms auto-pay for unpaid orders after a restart', async () => {
    const first = await start()
    await first.control.autoPay({ enabled: true, minMs: 400, maxMs: 400 })
    const no = await create(first)
    await stop(first)
    const second = await start()
    expect((await second.control.order(no)).orderStatus).toBe(1)
    const seen = await watchUntil(
      async () => (await second.control.order(no)).orderStatus,
      (status) => status === 4,
    )
    expect(seen.at(-1)).toBe(4)
  })

  it('refuses a corrupt data file with a clear message', () => {
    writeFileSync(join(dir, 'bad.json'), '{"version":1,')
    expect(() => createSandbox({ dataFile: join(dir, 'bad.json'), token: TOKEN })).toThrow(
      /not valid JSON/,
    )
  })

  it('keeps nothing on disk with dataFile null', async () => {
    const s = await startSandbox()
    running.push(s)
    await create(s)
    await stop(s)
    expect(readdirSync(dir)).toEqual([])
  })
})
