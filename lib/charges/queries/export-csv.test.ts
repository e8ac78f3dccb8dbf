import { afterAll, beforeAll, expect, it } from 'vitest'
import { sayFailure, saySystemText } from '@/tests/support/failure-words'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import type { ChargeStatus } from '../status'
import { exportChargesCsv, type CsvLabels } from './export-csv'
import { EMPTY_FILTER, toChargeQuery, type ChargeFilter } from './filters'
import { listOlder } from './list'

const labels: CsvLabels = {
  header: (c) => c,
  status: (s) => s,
  payWay: (w) => w,
  failure: sayFailure('zh-CN'),
  systemText: saySystemText('zh-CN'),
  yes: 'Y',
}
const query = (f: Partial<ChargeFilter>) => toChargeQuery({ ...EMPTY_FILTER, ...f }, Date.now())
const T0 = Date.UTC(2025, 10, 25, 2) // 10:00 in Beijing

async function csvLines(stream: ReadableStream<Uint8Array>) {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the UTF-8 BOM Excel needs
  const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n')
  expect(lines.pop()).toBe('') // every record ends with CRLF
  return lines
}

describeDialects('CSV export', (target) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await target.open()
    const refs = {
      stationId: await insertStation(t.db, '=前台'),
      cashierId: await insertUser(t.db),
    }
    const rows: Array<[string, ChargeStatus, number, string | null]> = [
      ['WX-0001', 'paid', 12850, '1285453080879468544'],
      ['0007', 'paid', 5, null],
      ['=cmd', 'closed', 20000, null],
      ['WX-0004', 'failed', 999, '2020072100000257'],
      ['WX-0005', 'paid', 100, null],
    ]
    for (const [i, [bill, status, fen, biz]] of rows.entries()) {
      const row = openCharge(refs, bill, { status, open_bill: null, amount_fen: fen })
      await t.db
        .insertInto('charges')
        .values({
          ...row,
          biz_order_no: biz,
          created_at: T0 + i * 1000,
          paid_at: status === 'paid' ? T0 : null,
          // A payment that failed after the customer scanned its QR (failure.ts).
          ...(status === 'failed'
            ? { error_code: 3000, error_message: '银行卡余额不足', pay_info: 'weixin://x' }
            : {}),
        })
        .execute()
    }
  })
  afterAll(() => t.close())

  it('writes exactly the filtered set, page after page, newest first', async () => {
    const f = { statuses: ['paid' as const, 'closed' as const] }
    const lines = await csvLines(exportChargesCsv(query(f), labels, { db: t.db, pageSize: 2 }))
    expect(lines[0]).toBe(
      'createdAt,bill,amountYuan,amountFen,payWay,status,station,cashier,paidAt,paidAfterCancel,bizOrderNo,orderNo,chargeId,failureReason',
    )
    const ids = (await listOlder(query(f), null, 100, t.db)).map((r) => r.id)
    expect(lines.slice(1).map((l) => l.split(',').at(-2))).toEqual(ids)
  })

  it('keeps ids and amounts exact, times in Beijing, formulas defused', async () => {
    const lines = await csvLines(exportChargesCsv(query({}), labels, { db: t.db }))
    const cells = (bill: string) => lines.find((l) => l.split(',')[1]?.endsWith(bill))!.split(',')
    expect(cells('WX-0001')).toEqual([
      '2025-11-25 10:00:00',
      'WX-0001',
      '128.50',
      '12850',
      'SCAN_WEIXIN',
      'paid',
      "'=前台",
      expect.any(String),
      '2025-11-25 10:00:00',
      '',
      '1285453080879468544',
      '',
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      '',
    ])
    // No cell anywhere starts with a hidden character.
    expect(lines.join('\n')).not.toMatch(/\t/)
    expect(cells('0007').slice(1, 4)).toEqual(['0007', '0.05', '5'])
    expect(cells('=cmd')[1]).toBe("'=cmd")
    expect(cells('WX-0004').at(-1)).toBe('顾客支付失败：银行卡余额不足')
  })

  it('stops reading when the client goes away', async () => {
    const reader = exportChargesCsv(query({}), labels, { db: t.db, pageSize: 1 }).getReader()
    expect((await reader.read()).done).toBe(false)
    await reader.cancel()
    // The connection is still usable: nothing was left half-read or locked.
    expect(await listOlder(query({}), null, 100, t.db)).toHaveLength(5)
  })

  it('writes only the header for an empty set', async () => {
    const stream = exportChargesCsv(query({ q: 'nothing-like-this' }), labels, { db: t.db })
    expect(await csvLines(stream)).toHaveLength(1)
  })
})
