import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sayFailure, saySystemText } from '@/tests/support/failure-words'
import { insertStation, insertUser, openCharge } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import type { ChargeStatus } from '../status'
import { CSV_COLUMNS, type CsvLabels } from './export-csv'
import { exportChargesXlsx } from './export-xlsx'
import { EMPTY_FILTER, toChargeQuery } from './filters'

const labels: CsvLabels & { sheet: string } = {
  header: (c) => c,
  status: (s) => s,
  payWay: (w) => w,
  failure: sayFailure('zh-CN'),
  systemText: saySystemText('zh-CN'),
  yes: 'Y',
  sheet: 'charges',
}
const T0 = Date.UTC(2025, 10, 25, 2) // 10:00 in Beijing

async function readBook(stream: ReadableStream<Uint8Array>) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(await new Response(stream).arrayBuffer())
  return book.getWorksheet('charges')!
}

describeDialects('xlsx export', (target) => {
  let t: TestDatabase
  const rows: Array<[string, ChargeStatus, number, string | null]> = [
    ['WX-0001', 'paid', 123456, '1285453080879468544'],
    ['0007', 'paid', 5, null],
    ['=cmd', 'failed', 999, '2020072100000257'],
  ]
  beforeAll(async () => {
    t = await target.open()
    const refs = { stationId: await insertStation(t.db, '前台'), cashierId: await insertUser(t.db) }
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

  it('writes ids as text, amounts as 2-decimal numbers, times as Beijing date cells', async () => {
    const q = toChargeQuery(EMPTY_FILTER, Date.now())
    const sheet = await readBook(exportChargesXlsx(q, labels, { db: t.db, pageSize: 2 }))
    expect(sheet.rowCount).toBe(1 + rows.length)
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...CSV_COLUMNS])
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name) + 1
    const byBill = new Map<string, ExcelJS.Row>()
    sheet.eachRow((r, i) => {
      if (i > 1) byBill.set(String(r.getCell(col('bill')).value), r)
    })
    expect([...byBill.keys()].sort()).toEqual(['0007', '=cmd', 'WX-0001'])
    const first = byBill.get('WX-0001')!
    expect(first.getCell(col('bizOrderNo')).type).toBe(ExcelJS.ValueType.String)
    expect(first.getCell(col('bizOrderNo')).value).toBe('1285453080879468544')
    expect(first.getCell(col('amountYuan')).type).toBe(ExcelJS.ValueType.Number)
    expect(first.getCell(col('amountYuan')).value).toBe(1234.56)
    expect(first.getCell(col('amountYuan')).numFmt).toBe('0.00')
    expect(first.getCell(col('createdAt')).type).toBe(ExcelJS.ValueType.Date)
    // Both time columns read Excel's 24-hour clock, as the screens do.
    expect(first.getCell(col('createdAt')).numFmt).toBe('yyyy-mm-dd hh:mm:ss')
    expect(first.getCell(col('paidAt')).numFmt).toBe('yyyy-mm-dd hh:mm:ss')
    // 02:00 UTC is 10:00 in Beijing: the cell shows the wall time.
    expect((first.getCell(col('createdAt')).value as Date).toISOString()).toBe(
      '2025-11-25T10:00:00.000Z',
    )
    expect(byBill.get('0007')!.getCell(col('bill')).type).toBe(ExcelJS.ValueType.String)
    const failed = byBill.get('=cmd')!
    expect(failed.getCell(col('bill')).type).toBe(ExcelJS.ValueType.String)
    expect(failed.getCell(col('failureReason')).value).toBe('顾客支付失败：银行卡余额不足')
    let fen = 0
    for (const r of byBill.values())
      fen += Math.round(Number(r.getCell(col('amountYuan')).value) * 100)
    expect(fen).toBe(123456 + 5 + 999)
  })
})
