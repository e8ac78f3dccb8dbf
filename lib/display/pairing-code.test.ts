import { randomInt } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  CODE_ALPHABET,
  formatPairingCode,
  generatePairingCode,
  normalizePairingCode,
} from './pairing-code'

describe('pairing codes', () => {
  it('are six letters without I and O', () => {
    expect(CODE_ALPHABET).not.toMatch(/[IO0-9]/)
    for (let i = 0; i < 200; i++) expect(generatePairingCode(randomInt)).toMatch(/^[A-HJ-NP-Z]{6}$/)
  })

  it('use the picker for every letter', () => {
    expect(generatePairingCode(() => 0)).toBe('AAAAAA')
    expect(generatePairingCode((n) => n - 1)).toBe('ZZZZZZ')
  })

  it.each([
    ['kxmprt', 'KXMPRT'],
    [' KXM PRT ', 'KXMPRT'],
    ['kxm-prt', 'KXMPRT'],
    ['ＫＸＭＰＲＴ', 'KXMPRT'],
  ])('reads %j as %s', (typed, code) => {
    expect(normalizePairingCode(typed)).toBe(code)
  })

  it.each(['', 'KXMPR', 'KXMPRTA', 'KXMPR1', 'KXMPRO', 'KXMPRI', "KX' OR 1=1"])(
    'refuses %j',
    (typed) => {
      expect(normalizePairingCode(typed)).toBeNull()
    },
  )

  it('format in two groups of three', () => {
    expect(formatPairingCode('KXMPRT')).toBe('KXM PRT')
  })
})
