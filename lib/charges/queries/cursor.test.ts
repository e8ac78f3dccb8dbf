import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, pageRequest } from './cursor'

describe('keyset cursor', () => {
  const c = { createdAt: 1764050000123, id: '0b9c6f1e-3a52-4c1b-9a57-2f0d5e1c8a11' }

  it('round-trips', () => {
    expect(encodeCursor(c)).toBe(`1764050000123.${c.id}`)
    expect(decodeCursor(encodeCursor(c))).toEqual(c)
  })

  it('ignores anything it did not write', () => {
    for (const bad of [
      '',
      'x',
      '12',
      '.abc',
      '12.',
      '1.2.3',
      `99999999999999999.${c.id}`,
      "1.a'b",
    ]) {
      expect(decodeCursor(bad), bad).toBeNull()
    }
    expect(decodeCursor(null)).toBeNull()
  })

  it('prefers after over before, and falls back to the first page', () => {
    const s = encodeCursor(c)
    expect(pageRequest(s, s)).toEqual({ kind: 'after', cursor: c })
    expect(pageRequest(null, s)).toEqual({ kind: 'before', cursor: c })
    expect(pageRequest('junk', undefined)).toEqual({ kind: 'first' })
  })
})
