import { SEARCH_MIN_CHARS } from './search-text'

/*
 * Which parts of a searched fragment to look up in the trigram index (lib/charges/queries/search.ts).
 *
 * Bill numbers and DMS ids grow at their end: their head (a prefix, a date, the high digits of a
 * time-based id) is shared by most charges. A trigram of that head is in nearly every charge, and
 * both indexes pay for it by reading its whole posting list: at 1,000,000 charges a middle fragment
 * of a DMS business order no., whose first five trigrams are in every charge, took 40 ms (SQLite) and
 * 30 ms (PostgreSQL) where its last four alone take 1 and 3 ms. So the index is asked only for the
 * runs of trigrams that most charges do not share (judged on a sample spread over the ledger), and
 * the whole fragment is then checked on the few charges found (search.ts).
 */

/** A trigram in at least this share of the sampled charges is too common to look up. */
export const COMMON_SHARE = 0.25

/*
 * Only a fragment of printable ASCII is split (every bill and DMS number is one): the check of the
 * whole fragment lowers ASCII letters only on SQLite, where the FTS index folds other letters too.
 */
const ASCII = /^[\x20-\x7e]*$/

/** The fragment's trigrams in order, by code point (as both trigram indexes count), any case. */
export function trigramsOf(text: string): string[] {
  const chars = [...text.toLowerCase()]
  return chars.slice(0, Math.max(0, chars.length - 2)).map((_, i) => chars.slice(i, i + 3).join(''))
}

/**
 * The parts of `text` to look up, given a sample of charges (each one its bill and DMS numbers):
 * each run of consecutive trigrams that fewer than COMMON_SHARE of the sample contain, as the
 * text it spans. `[text]` itself when none is common (or the sample is empty); `[]` when every one
 * is (the fragment is no narrower than its commonest trigram: the index is asked for all of it).
 */
export function selectiveParts(
  text: string,
  sample: ReadonlyArray<ReadonlyArray<string | null>>,
): string[] {
  const grams = trigramsOf(text)
  if (grams.length === 0 || sample.length === 0 || !ASCII.test(text)) return [text]
  const numbers = sample.map((charge) =>
    charge.filter((n) => n !== null).map((n) => n.toLowerCase()),
  )
  const common = grams.map(
    (g) =>
      numbers.filter((ns) => ns.some((n) => n.includes(g))).length >= COMMON_SHARE * numbers.length,
  )
  if (!common.includes(true)) return [text]
  const chars = [...text]
  const parts: string[] = []
  let start = -1
  grams.forEach((_, i) => {
    if (!common[i] && start < 0) start = i
    const runEnds = start >= 0 && (common[i + 1] ?? true)
    if (runEnds) {
      parts.push(chars.slice(start, i + SEARCH_MIN_CHARS).join(''))
      start = -1
    }
  })
  return parts
}
