import { afterAll, beforeAll, expect, it } from 'vitest'
import { insertStation } from '@/tests/support/db/fixtures'
import { describeDialects, type TestDatabase } from '@/tests/support/db/targets'
import { cursorText, parseHandoverCursor } from './cursor'
import { HISTORY_PAGE_SIZE, listHandovers } from './records'

const H = 3_600_000
const DAY = Date.UTC(2025, 10, 25, 16)
const EMPTY_TOTALS = JSON.stringify({
  all: { count: 0, sumFen: 0 },
  paid: { count: 0, sumFen: 0 },
  byPayWay: [],
  byStatus: [],
})

/*
 * 交班记录 a page at a time: every record on exactly one page, newest first, two recorded in the same
 * millisecond kept apart by their id, and the last page saying there is nothing older.
 */
describeDialects('handover history pages', (target) => {
  let t: TestDatabase
  let stationId = ''
  /** The records' ids, newest first as the history lists them. */
  const newestFirst: string[] = []

  beforeAll(async () => {
    t = await target.open()
    stationId = await insertStation(t.db, '前台 P')
    // Seven shifts, one every eight hours; the fourth and fifth share a millisecond (a station's
    // handover and one of its cashiers' at once), which only their ids order.
    const rows = Array.from({ length: 7 }, (_, i) => {
      const at = DAY + (i === 4 ? 3 : i) * 8 * H
      return {
        id: `h-${String(i).padStart(2, '0')}`,
        station_id: stationId,
        cashier_key: i === 4 ? 'u-someone' : '',
        window_from: at - 8 * H,
        window_to: at,
        handed_by: 'u-mgr',
        handed_by_name: 'manager',
        created_at: at,
        paid_count: 0,
        paid_fen: i * 100,
        totals: EMPTY_TOTALS,
        events_through: 0,
        late_changes: '[]',
      }
    })
    await t.db.insertInto('handovers').values(rows).execute()
    newestFirst.push('h-06', 'h-05', 'h-04', 'h-03', 'h-02', 'h-01', 'h-00')
  })
  afterAll(() => t.close())

  it('pages through every record once, newest first, to a last page with nothing older', async () => {
    const seen: string[][] = []
    let before = null
    for (let pages = 0; pages < 10; pages++) {
      const page = await listHandovers({ stationId, before, limit: 3 }, t.db)
      seen.push(page.handovers.map((h) => h.id))
      if (page.older === null) break
      // Through the address and back, as 更早的记录 carries it.
      before = parseHandoverCursor(cursorText(page.older))
      expect(before).toEqual(page.older)
    }
    expect(seen).toEqual([['h-06', 'h-05', 'h-04'], ['h-03', 'h-02', 'h-01'], ['h-00']])
    expect(seen.flat()).toEqual(newestFirst)
  })

  it('has no older page when the records fill the page exactly, and shows 100 by default', async () => {
    const exact = await listHandovers({ stationId, limit: 7 }, t.db)
    expect(exact.handovers).toHaveLength(7)
    expect(exact.older).toBeNull()
    const all = await listHandovers({ stationId }, t.db)
    expect(all.handovers.map((h) => h.id)).toEqual(newestFirst)
    expect(HISTORY_PAGE_SIZE).toBe(100)
  })
})

it('reads ?before= only as <ms>.<id>; anything else is the newest page', () => {
  expect(parseHandoverCursor('1764086400000.0b6f-4c2a')).toEqual({
    at: 1764086400000,
    id: '0b6f-4c2a',
  })
  expect(parseHandoverCursor(['5.a', '6.b'])).toEqual({ at: 5, id: 'a' })
  for (const bad of [
    undefined,
    '',
    '123',
    '.abc',
    '12.',
    '12.a b',
    "1.a';--",
    '1234567890123456.a',
  ]) {
    expect(parseHandoverCursor(bad), String(bad)).toBeNull()
  }
})
