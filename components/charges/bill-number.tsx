import { Fragment } from 'react'

/*
 * A bill number (DMS `bz_order`, up to 40 of A–Z a–z 0–9 _ - . / #) as a cashier reads it aloud and
 * copies it. Broken anywhere (`break-all`), a long one split mid-run at a phone's width and read as
 * two numbers. Here it breaks after a separator first (a <wbr>, which a copy leaves out), and inside
 * a run only when the run alone is wider than the line. The code face tells 0 from O and 1 from l,
 * and its tinted ground, open at a line's end, shows a broken number is one. A tap selects all of it.
 */
const AFTER_SEPARATOR = /(?<=[-_./#])(?=.)/

export function BillNumber({ value }: { value: string }) {
  return (
    <code
      translate="no"
      className="rounded bg-gray-100 px-1 font-mono break-normal wrap-anywhere select-all"
    >
      <BillRuns value={value} />
    </code>
  )
}

/** The bill's runs with a break allowed after each separator, in the face around them (a heading). */
export function BillRuns({ value }: { value: string }) {
  return value.split(AFTER_SEPARATOR).map((run, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {run}
    </Fragment>
  ))
}
