import { describe, expect, it } from 'vitest'
import { selectiveParts, trigramsOf } from './search-parts'

// Ten charges as a shop's ledger holds them: one head shared by every DMS id and bill of the day.
const sample = Array.from({ length: 10 }, (_, k) => [
  `ROA25112600${100 + k}`,
  `12854530808794${68544 + k * 7}`,
  null,
])

describe('selective parts of a search', () => {
  it('cuts trigrams by code point, any case', () => {
    expect(trigramsOf('AbCd')).toEqual(['abc', 'bcd'])
    expect(trigramsOf('ab')).toEqual([])
  })

  it('leaves out the trigrams most charges share and keeps the rest as it is typed', () => {
    // 530, 308, 080, 808, 087, 879 and 794 are in every sampled id, 001 in every bill.
    expect(selectiveParts('53080879470001', sample)).toEqual(['947000'])
    expect(selectiveParts('Oa2511260077', sample)).toEqual(['0077'])
  })

  it('splits the text where a common trigram sits inside it', () => {
    // "879" is in every id; 123, 238, 387 before it and 798 after it are not.
    expect(selectiveParts('1238798', sample)).toEqual(['12387', '798'])
  })

  it('keeps the whole text when nothing in it is common, or nothing is known', () => {
    expect(selectiveParts('999999', sample)).toEqual(['999999'])
    expect(selectiveParts('53080879', [])).toEqual(['53080879'])
  })

  it('returns nothing when every trigram is common: the index gets the whole text', () => {
    expect(selectiveParts('2854530808', sample)).toEqual([])
  })

  it('splits only printable ASCII (every bill and DMS number is)', () => {
    expect(selectiveParts('单号53080879470001', sample)).toEqual(['单号53080879470001'])
  })
})
