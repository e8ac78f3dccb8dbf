import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { BILL_NUMBER_MAX_LENGTH, parseBillNumber, type BillNumberFailure } from './bill-number'

const ALLOWED_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./#'

function toFullWidth(ascii: string): string {
  return ascii.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
}

describe('parseBillNumber: examples', () => {
  const accepted: Array<[string, string]> = [
    ['WX20261125-0007', 'WX20261125-0007'],
    ['  WX20261125-0007\n', 'WX20261125-0007'],
    ['\u3000WX20261125-0007\u3000', 'WX20261125-0007'],
    ['ＷＸ２０２６１１２５－０００７', 'WX20261125-0007'],
    ['ＷX2026－0007', 'WX2026-0007'],
    ['2020072100000257', '2020072100000257'],
    ['RO/2026/11#3', 'RO/2026/11#3'],
    ['a_b.c', 'a_b.c'],
    ['wx-lower-Case', 'wx-lower-Case'],
    ['7', '7'],
    ['#7', '#7'],
    ['A'.repeat(BILL_NUMBER_MAX_LENGTH), 'A'.repeat(BILL_NUMBER_MAX_LENGTH)],
  ]
  it.each(accepted)('%j → %j', (text, value) => {
    expect(parseBillNumber(text)).toEqual({ ok: true, value })
  })

  const rejected: Array<[string, BillNumberFailure]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u3000', 'empty'],
    ['\t\n', 'empty'],
    ['A'.repeat(BILL_NUMBER_MAX_LENGTH + 1), 'too-long'],
    ['Ａ'.repeat(BILL_NUMBER_MAX_LENGTH + 1), 'too-long'],
    ['WX 2026', 'format'],
    ['WX\u30002026', 'format'],
    ['WX\u00A02026', 'format'],
    ['<script>', 'format'],
    ['<b>1</b>', 'format'],
    ['a"b', 'format'],
    ["a'b", 'format'],
    ['a`b', 'format'],
    ['a&b', 'format'],
    ['a;b', 'format'],
    ['a,b', 'format'],
    ['=1+2', 'format'],
    ['a\u0000b', 'format'],
    ['a\u0007b', 'format'],
    ['a\u200Bb', 'format'],
    ['a\u202Eb', 'format'],
    ['订单123', 'format'],
    ['①②', 'format'],
    ['A。1', 'format'],
    ['-', 'format'],
    ['#', 'format'],
    ['./..', 'format'],
    ['__', 'format'],
  ]
  it.each(rejected)('%j → %s', (text, reason) => {
    expect(parseBillNumber(text)).toEqual({ ok: false, reason })
  })
})

describe('parseBillNumber: properties', () => {
  const billChar = fc.constantFrom(...ALLOWED_CHARS)
  const validBill = fc
    .string({ unit: billChar, minLength: 1, maxLength: BILL_NUMBER_MAX_LENGTH })
    .filter((s) => /[A-Za-z0-9]/.test(s))

  it('an accepted value holds only the allowed characters, within the length', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), validBill), (text) => {
        const r = parseBillNumber(text)
        if (!r.ok) return
        expect(r.value).toMatch(/^[A-Za-z0-9_\-./#]{1,40}$/)
        expect(r.value).toMatch(/[A-Za-z0-9]/)
      }),
      { numRuns: 5000 },
    )
  })

  it('accepted values round-trip unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), validBill), (text) => {
        const r = parseBillNumber(text)
        if (!r.ok) return
        expect(parseBillNumber(r.value)).toEqual(r)
      }),
      { numRuns: 5000 },
    )
  })

  it('every valid bill is accepted as is, padded with spaces, or typed full-width', () => {
    fc.assert(
      fc.property(
        validBill,
        fc.constantFrom('', ' ', '\u3000', '\t'),
        fc.constantFrom('', ' ', '\u3000', '\n'),
        (bill, before, after) => {
          expect(parseBillNumber(bill)).toEqual({ ok: true, value: bill })
          expect(parseBillNumber(before + bill + after)).toEqual({ ok: true, value: bill })
          expect(parseBillNumber(toFullWidth(bill))).toEqual({ ok: true, value: bill })
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('HTML-ish, quoted or control-character strings are rejected', () => {
    const dangerous = fc.constantFrom(
      ...'<>"\'`&; \u0000\u0001\u001F\u007F\u0085\u2028\u200B\uFEFF',
      '<script>',
      '</',
      '&lt;',
      'javascript:',
      '${',
    )
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...ALLOWED_CHARS), maxLength: 18 }),
        dangerous,
        fc.string({ unit: fc.constantFrom(...ALLOWED_CHARS), maxLength: 18 }),
        (head, bad, tail) => {
          // Put the bad piece anywhere but where trim() would remove it (the ends for whitespace).
          expect(parseBillNumber(`A${head}${bad}${tail}1`).ok).toBe(false)
          expect(parseBillNumber(`A${head}${toFullWidth(bad)}${tail}1`).ok).toBe(false)
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('longer than the limit is "too-long" even when every character is allowed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...ALLOWED_CHARS), minLength: 41, maxLength: 300 }),
        (text) => {
          expect(parseBillNumber(text)).toEqual({ ok: false, reason: 'too-long' })
        },
      ),
    )
  })
})
