import { describe, expect, it } from 'vitest'
import { createStation } from '@/lib/stations'
import { searchStationCharges } from './station-charges'
import { describeChargeService } from '@/tests/support/charges/harness'
import { created, newBill, setRow } from '@/tests/support/charges/helpers'

const DAY = 86_400_000

describeChargeService('station bill search', (h) => {
  describe('searchStationCharges', () => {
    it('finds the station’s bills of the last 30 days by any part of the number, newest first', async () => {
      const tag = newBill('FIND')
      const now = Date.now()
      const recent = await created(h, `${tag}-A`)
      const older = await created(h, `${tag}-B`)
      await setRow(older.id, { created_at: now - 29 * DAY })
      const tooOld = await created(h, `${tag}-C`)
      await setRow(tooOld.id, { created_at: now - 31 * DAY })
      const other = await createStation(`other-${tag}`, { kind: 'cli', id: null, name: 'test' })
      await created(h, `${tag}-D`, { stationId: other.id })

      const found = await searchStationCharges(h.stationId, tag.toLowerCase(), now)
      expect(found.map((c) => c.id)).toEqual([recent.id, older.id])
      expect(await searchStationCharges(h.stationId, '   ', now)).toEqual([])
    })

    it('finds a bill typed in full-width forms, as the charge form takes it (ＷＸ２０２６－０００７)', async () => {
      const tag = newBill('WIDE')
      const bill = await created(h, `${tag}-7`)
      const wide = (text: string) =>
        text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      // The whole number (the charge form's own reading of it) and a part of it.
      for (const typed of [wide(`${tag}-7`), `　${wide(tag.slice(-6))}　`]) {
        const found = await searchStationCharges(h.stationId, typed)
        expect(found.map((c) => c.id)).toEqual([bill.id])
      }
    })
  })
})
