import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  DEFAULT_MAX_FEN,
  fenToYuanText,
  formatFen,
  isFen,
  parseYuan,
  type ParseYuanFailure,
} from './money'

// The reference below uses BigInt on purpose: it is a second, independent way to the same answer.
function referenceFen(normalised: string): bigint {
  const [whole = '', frac = ''] = normalised.split('.')
  return BigInt(whole || '0') * 100n + BigInt(frac.padEnd(2, '0') || '0')
}

/** What a person meant, in plain ASCII: full-width mapped, spaces, ¥ and separators dropped. */
function normalise(text: string): string {
  return text
    .trim()
    .replace(/[\uFF10-\uFF19\uFF0C\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u00A5\uFFE5,\s]/g, '')
}

const FULL: Record<string, string> = { '.': '．', ',': '，', '¥': '￥', '-': '－' }
function toFullWidth(ascii: string): string {
  return ascii.replace(/[0-9.,¥-]/g, (c) =>
    /\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : (FULL[c] ?? c),
  )
}

describe('parseYuan: examples', () => {
  const accepted: Array<[string, number]> = [
    ['128.5', 12850],
    ['128.50', 12850],
    ['128', 12800],
    ['0.01', 1],
    ['0.1', 10],
    ['.5', 50],
    ['5.', 500],
    ['007', 700],
    ['00.50', 50],
    ['1,234.5', 123450],
    ['1,234', 123400],
    ['12,345.67', 1234567],
    ['100,000', 10_000_000],
    ['100000.00', 10_000_000],
    ['¥128.50', 12850],
    ['￥128.50', 12850],
    ['¥ 128.50', 12850],
    ['¥1,234.50', 123450],
    ['  128.50  ', 12850],
    ['\u3000128.50\u3000', 12850],
    ['\t1\n', 100],
    ['１２８．５０', 12850],
    ['１，２３４．５', 123450],
    ['￥１２８', 12800],
    ['１２８.５', 12850],
  ]
  it.each(accepted)('%j → %d fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen })
  })

  const rejected: Array<[string, ParseYuanFailure]> = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u3000\u3000', 'empty'],
    ['0', 'zero'],
    ['0.00', 'zero'],
    ['0.0', 'zero'],
    ['.0', 'zero'],
    ['000', 'zero'],
    ['¥0', 'zero'],
    ['-0', 'zero'],
    ['-1', 'negative'],
    ['−1', 'negative'],
    ['－１', 'negative'],
    ['-¥5', 'negative'],
    ['¥-5', 'negative'],
    ['-1.234', 'negative'],
    ['1.234', 'too-many-decimals'],
    ['1.230', 'too-many-decimals'],
    ['0.001', 'too-many-decimals'],
    ['１．２３４', 'too-many-decimals'],
    ['100000.01', 'too-large'],
    ['100,000.01', 'too-large'],
    ['1000000', 'too-large'],
    ['9'.repeat(400), 'too-large'],
    ['1' + '0'.repeat(30) + '.5', 'too-large'],
    ['abc', 'format'],
    ['12a', 'format'],
    ['1e3', 'format'],
    ['1E3', 'format'],
    ['0x10', 'format'],
    ['Infinity', 'format'],
    ['NaN', 'format'],
    ['1.2.3', 'format'],
    ['1..2', 'format'],
    ['.', 'format'],
    ['¥', 'format'],
    ['-', 'format'],
    ['-¥-5', 'format'],
    ['--5', 'format'],
    ['+5', 'format'],
    ['12,34', 'format'],
    ['1,2345', 'format'],
    ['1,,234', 'format'],
    [',123', 'format'],
    ['0,123', 'format'],
    ['1,234,56', 'format'],
    ['1 234', 'format'],
    ['1\u3000234', 'format'],
    ['128。50', 'format'],
    ['128,50', 'format'],
    ['5¥', 'format'],
    ['$5', 'format'],
    ['5元', 'format'],
    ['①', 'format'],
    ['٣', 'format'],
    ['1_000', 'format'],
  ]
  it.each(rejected)('%j → %s', (text, reason) => {
    expect(parseYuan(text)).toEqual({ ok: false, reason })
  })

  it('honours maxFen, comparing without rounding', () => {
    expect(parseYuan('500.00', { maxFen: 50_000 })).toEqual({ ok: true, fen: 50_000 })
    expect(parseYuan('500.01', { maxFen: 50_000 })).toEqual({ ok: false, reason: 'too-large' })
    const max = Number.MAX_SAFE_INTEGER // 9007199254740991 fen
    expect(parseYuan('90071992547409.91', { maxFen: max })).toEqual({ ok: true, fen: max })
    // One fen more rounds to the same double; only the text comparison sees it.
    expect(parseYuan('90071992547409.92', { maxFen: max })).toEqual({
      ok: false,
      reason: 'too-large',
    })
  })

  it('refuses a maxFen that is not a positive safe integer', () => {
    for (const maxFen of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => parseYuan('1', { maxFen })).toThrow(RangeError)
    }
  })
})

describe('fenToYuanText, formatFen, isFen: examples', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [99, '0.99'],
    [100, '1.00'],
    [12850, '128.50'],
    [123450, '1234.50'],
    [-5, '-0.05'],
    [-123450, '-1234.50'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('fenToYuanText(%d) = %s', (fen, text) => {
    expect(fenToYuanText(fen)).toBe(text)
  })

  it.each([
    [123450, 'zh-CN', '¥1,234.50'],
    [123450, 'en-US', '¥1,234.50'],
    [123450, 'en', '¥1,234.50'],
    [0, 'zh-CN', '¥0.00'],
    [1, 'zh-CN', '¥0.01'],
    [12850, 'zh-CN', '¥128.50'],
    [10_000_000, 'zh-CN', '¥100,000.00'],
    [-500, 'zh-CN', '-¥5.00'],
    [Number.MAX_SAFE_INTEGER, 'zh-CN', '¥90,071,992,547,409.91'],
  ])('formatFen(%d, %s) = %s', (fen, locale, text) => {
    expect(formatFen(fen, locale)).toBe(text)
  })

  it('formats in zh-CN by default', () => {
    expect(formatFen(123450)).toBe('¥1,234.50')
  })

  it('refuses fractional or unsafe fen instead of rounding', () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => fenToYuanText(bad)).toThrow(RangeError)
      expect(() => formatFen(bad)).toThrow(RangeError)
    }
  })

  it('isFen accepts only safe non-negative integers', () => {
    for (const good of [0, 1, 12850, Number.MAX_SAFE_INTEGER]) expect(isFen(good)).toBe(true)
    for (const bad of [-1, 0.5, Number.NaN, Infinity, 2 ** 53, '1', null, undefined, 1n]) {
      expect(isFen(bad)).toBe(false)
    }
  })
})

describe('money properties', () => {
  const fen = fc.integer({ min: 1, max: DEFAULT_MAX_FEN })

  it('every fen from 1 to the maximum round-trips through fenToYuanText', () => {
    fc.assert(
      fc.property(fen, (n) => {
        expect(parseYuan(fenToYuanText(n))).toEqual({ ok: true, fen: n })
      }),
      { numRuns: 5000 },
    )
  })

  it('the edges of the range round-trip', () => {
    for (const n of [1, 9, 10, 99, 100, 101, 999, 1000, DEFAULT_MAX_FEN - 1, DEFAULT_MAX_FEN]) {
      expect(parseYuan(fenToYuanText(n))).toEqual({ ok: true, fen: n })
    }
    expect(parseYuan(fenToYuanText(DEFAULT_MAX_FEN + 1))).toEqual({
      ok: false,
      reason: 'too-large',
    })
  })

  it('what formatFen shows, a person can paste back', () => {
    fc.assert(
      fc.property(fen, fc.constantFrom('zh-CN', 'en-US'), (n, locale) => {
        expect(parseYuan(formatFen(n, locale))).toEqual({ ok: true, fen: n })
      }),
      { numRuns: 1000 },
    )
  })

  it('fenToYuanText equals the decimal value of fen / 100 for any safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const text = fenToYuanText(n)
        expect(text).toMatch(/^-?\d+\.\d\d$/)
        const magnitude = referenceFen(text.replace('-', ''))
        expect(text.startsWith('-') ? -magnitude : magnitude).toBe(BigInt(n))
      }),
    )
  })

  // Strings made of the characters that matter, so that many of them are near-misses.
  const amountChar = fc.constantFrom(
    ...'0123456789012345678901234567890123456789..,,¥￥-−+ \u3000eEx０１９．，。a',
  )
  const messy = fc.oneof(
    fc.string({ unit: amountChar, maxLength: 14 }),
    fc.string({ maxLength: 14 }),
    fc.string({ unit: 'binary', maxLength: 14 }),
  )

  it('a parsed amount is a safe positive integer equal to what was typed', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const r = parseYuan(text)
        if (!r.ok) return
        expect(Number.isSafeInteger(r.fen)).toBe(true)
        expect(r.fen).toBeGreaterThanOrEqual(1)
        expect(r.fen).toBeLessThanOrEqual(DEFAULT_MAX_FEN)
        const typed = normalise(text)
        expect(typed).toMatch(/^\d*\.?\d{0,2}$/)
        expect(referenceFen(typed)).toBe(BigInt(r.fen))
        expect(referenceFen(fenToYuanText(r.fen))).toBe(referenceFen(typed))
      }),
      { numRuns: 20_000 },
    )
  })

  // Well-formed amounts: digits, optional grouping, a point and some decimals.
  const wellFormed = (decimals: fc.Arbitrary<string>) =>
    fc
      .tuple(
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.boolean(),
        fc.boolean(),
        decimals,
        fc.constantFrom('', '¥', '¥ ', ' ', '\u3000'),
      )
      .map(([whole, grouped, withPoint, frac, prefix]) => {
        const wholeText = grouped ? whole.toLocaleString('en-US') : whole.toString()
        const point = withPoint || frac !== '' ? '.' : ''
        return `${prefix}${wholeText}${point}${frac}`
      })
  const digits = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max })

  it('three or more decimals are rejected, whatever the digits', () => {
    fc.assert(
      fc.property(wellFormed(digits(3, 12)), (text) => {
        expect(parseYuan(text, { maxFen: Number.MAX_SAFE_INTEGER })).toEqual({
          ok: false,
          reason: 'too-many-decimals',
        })
      }),
      { numRuns: 2000 },
    )
  })

  it('full-width variants parse exactly like their ASCII form', () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed(digits(0, 3)), messy), fc.boolean(), (text, mixed) => {
        // Mixed: only every other character converted, as happens when an IME toggles mid-entry.
        const wide = mixed
          ? [...text].map((c, i) => (i % 2 ? toFullWidth(c) : c)).join('')
          : toFullWidth(text)
        expect(parseYuan(wide)).toEqual(parseYuan(text))
      }),
      { numRuns: 5000 },
    )
  })

  it('well-formed amounts with up to two decimals parse to their exact value', () => {
    fc.assert(
      fc.property(wellFormed(digits(0, 2)), (text) => {
        const expected = referenceFen(normalise(text))
        const r = parseYuan(text, { maxFen: Number.MAX_SAFE_INTEGER })
        if (expected === 0n) expect(r).toEqual({ ok: false, reason: 'zero' })
        else expect(r).toEqual({ ok: true, fen: Number(expected) })
      }),
      { numRuns: 5000 },
    )
  })

  it('a leading minus on a non-zero amount is always "negative"', () => {
    fc.assert(
      fc.property(fen, fc.constantFrom('-', '−', '－', '-¥', '¥-'), (n, sign) => {
        expect(parseYuan(sign + fenToYuanText(n))).toEqual({ ok: false, reason: 'negative' })
      }),
    )
  })

  it('anything longer than the maximum is too large, with no precision lost', () => {
    fc.assert(
      fc.property(digits(1, 200), fc.integer({ min: 1, max: 9 }), (tail, lead) => {
        const text = `${lead}${tail}`
        const r = parseYuan(text)
        const expected = BigInt(text) * 100n
        if (expected > BigInt(DEFAULT_MAX_FEN))
          expect(r).toEqual({ ok: false, reason: 'too-large' })
        else expect(r).toEqual({ ok: true, fen: Number(expected) })
      }),
    )
  })
})
