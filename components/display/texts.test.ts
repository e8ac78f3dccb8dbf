import { describe, expect, it } from 'vitest'
import en from '@/messages/en/display.json'
import zh from '@/messages/zh-CN/display.json'
import { fill, type DisplayTexts, type PairTexts } from './texts'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('tablet texts', () => {
  it('have the same keys in both languages, all strings', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
    for (const k of keys(zh)) expect(typeof k).toBe('string')
  })

  it('fit the shapes the components expect', () => {
    // Compile-time check: the JSON is assignable to the types the server passes on.
    const texts: { display: DisplayTexts; pair: PairTexts }[] = [
      { display: zh, pair: zh.pair },
      { display: en, pair: en.pair },
    ]
    expect(texts).toHaveLength(2)
  })

  it('say a QR whose time ran out apart from a cancel, as the payment screen said it', () => {
    for (const texts of [zh, en]) {
      expect(texts.timedOut.title).not.toBe(texts.closed.title)
      expect(texts.timedOut.hint).not.toBe(texts.closed.hint)
    }
    // The countdown's end reads the same on the payment screen as on the outcome.
    expect(zh.timedOut.title).toBe(zh.expired)
    expect(en.timedOut.title).toMatch(/expired/)
    expect(zh.timedOut).toEqual({
      title: '收款码已过期',
      hint: '如需付款，请联系收银员重新生成收款码',
    })
  })

  it('fill placeholders and leave unknown ones', () => {
    expect(fill('单号 {bill}', { bill: 'B-1' })).toBe('单号 B-1')
    expect(fill('{a} {b}', { a: 'x' })).toBe('x {b}')
  })
})
