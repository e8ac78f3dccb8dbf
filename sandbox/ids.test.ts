import { describe, expect, it } from 'vitest'
import { chinaDateTime, chinaDay } from './china-time'
import { createIdSource, formatBizOrderNo } from './ids'

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0)

function seeded(seed = 42): () => number {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return s / 2 ** 31
  }
}

describe('ids', () => {
  it('makes 19-digit snowflakes above 2^53, unique even within one millisecond', () => {
    const ids = createIdSource(seeded())
    const all = Array.from({ length: 5000 }, () => ids.orderNo(T0))
    for (const id of all) {
      expect(id).toMatch(/^\d{19}$/)
      expect(BigInt(id) > 2n ** 53n).toBe(true)
    }
    expect(new Set(all).size).toBe(all.length)
  })

  it('keeps snowflakes increasing when the clock goes back', () => {
    const ids = createIdSource(seeded())
    const a = ids.orderNo(T0 + 1000)
    const b = ids.orderNo(T0)
    expect(BigInt(b) > BigInt(a)).toBe(true)
  })

  it('makes QR content in each network format', () => {
    const ids = createIdSource(seeded())
    expect(ids.payInfo('SCAN_WEIXIN')).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=[A-Za-z0-9]{7}$/)
    expect(ids.payInfo('SCAN_ALIPAY')).toMatch(/^https:\/\/qr\.alipay\.com\/bax[a-z0-9]{22}$/)
  })

  it('formats bizOrderNo as the China date and an 8-digit sequence', () => {
    expect(formatBizOrderNo('20261125', 257)).toBe('2026112500000257')
  })

  it('makes hex notify ids and sequence starts in range', () => {
    const ids = createIdSource(seeded())
    expect(ids.notifyId()).toMatch(/^[0-9a-f]{32}$/)
    const start = ids.seqStart()
    expect(start).toBeGreaterThanOrEqual(100)
    expect(start).toBeLessThanOrEqual(999)
  })
})

describe('china time', () => {
  it('is UTC+8 whatever the host zone', () => {
    // 16:30 UTC on the 25th is 00:30 on the 26th in China.
    const ms = Date.UTC(2026, 10, 25, 16, 30, 5)
    expect(chinaDay(ms)).toBe('20261126')
    expect(chinaDateTime(ms)).toBe('2026-11-26 00:30:05')
  })
})
