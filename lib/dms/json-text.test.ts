import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { looksTruncated, parseJsonKeepingIds, quoteLongIntegers } from './json-text'

describe('quoteLongIntegers', () => {
  it('quotes a bare 19-digit id so it survives JSON.parse exactly', () => {
    const text = '{"orderNo": 1285453080879468544, "amount": 100}'
    expect(JSON.parse(text).orderNo).not.toBe('1285453080879468544')
    const parsed = parseJsonKeepingIds(text)
    expect(parsed).toEqual({ ok: true, value: { orderNo: '1285453080879468544', amount: 100 } })
  })

  it('quotes 16+ digit integers anywhere, including arrays and nested objects', () => {
    expect(quoteLongIntegers('[1234567890123456,{"a":{"b":99999999999999999999}}]')).toBe(
      '["1234567890123456",{"a":{"b":"99999999999999999999"}}]',
    )
  })

  it('leaves short integers, decimals, exponents and negatives alone', () => {
    const text =
      '{"a":123456789012345,"b":1234567890123456.5,"c":12345678901234567e2,"d":-1234567890123456789}'
    expect(quoteLongIntegers(text)).toBe(text)
  })

  it('never touches digits inside strings, even with escaped quotes', () => {
    const text =
      '{"a":"x\\"1234567890123456789\\"","b":"1234567890123456789","c":1234567890123456789}'
    expect(quoteLongIntegers(text)).toBe(
      '{"a":"x\\"1234567890123456789\\"","b":"1234567890123456789","c":"1234567890123456789"}',
    )
  })

  it('returns the same string when there is nothing to quote', () => {
    const text = '{"errCode":1000,"data":{"orderNo":"1285453080879468544"}}'
    expect(quoteLongIntegers(text)).toBe(text)
  })

  it('keeps any 16-25 digit id exact whether sent as a number or a string', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10n ** 15n, max: 10n ** 25n - 1n }),
        fc.boolean(),
        (n, asString) => {
          const id = n.toString()
          const text = `{"id": ${asString ? `"${id}"` : id}, "s": "${id}"}`
          expect(parseJsonKeepingIds(text)).toEqual({ ok: true, value: { id, s: id } })
        },
      ),
    )
  })

  it('does not change the meaning of JSON without long integers', () => {
    const safe = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(safe, fc.array(safe))), (value) => {
        const text = JSON.stringify(value)
        expect(JSON.parse(quoteLongIntegers(text))).toEqual(JSON.parse(text))
      }),
    )
  })
})

describe('looksTruncated', () => {
  it.each([
    ['{"a":1', true],
    ['{"a":"abc', true],
    ['{"a":"ab\\"', true],
    ['[{"a":1},', true],
    ['{"a":1}', false],
    ['{"a":"}"}', false],
    ['hello', false],
    ['', false],
    ['{"a":1}}', false],
  ])('%j → %s', (text, expected) => {
    expect(looksTruncated(text)).toBe(expected)
  })

  it('reports truncation when parsing a cut body', () => {
    expect(parseJsonKeepingIds('{"errCode":1000,"data":{')).toEqual({ ok: false, truncated: true })
    expect(parseJsonKeepingIds('OK')).toEqual({ ok: false, truncated: false })
  })
})
