import type { ReactNode } from 'react'

/*
 * A table that reflows into a list of entries on a phone: below `md` (where the staff shell folds its
 * navigation into a menu) its head hides, each row becomes a small grid the caller lays out and each
 * cell a block in it, so a row shows everything it holds within the screen instead of scrolling
 * sideways in its card with its last columns out of sight. Every class here is `max-md:`, so from
 * `md` up only the table's own classes apply and the desktop table is the one it was. One markup
 * reflowing rather than a second copy for phones: a row's hooks (data-testid, data-*) stay single.
 */
export const phoneTable = {
  /** On the `<table>`: a block (and no minimum width) on a phone. */
  table: 'max-md:block max-md:min-w-0',
  /** On the `<thead>`: the cells label themselves on a phone (`PhoneLabel`). */
  head: 'max-md:hidden',
  /** On the `<tbody>`. */
  body: 'max-md:block',
  /**
   * On each `<tr>`: a grid; the caller adds its columns (`max-md:grid-cols-…`), places the cells
   * and, in a card without padding, the sides (`max-md:px-4`).
   */
  row: 'max-md:grid max-md:gap-x-3 max-md:gap-y-1 max-md:py-3',
  /** On each `<td>`: a block of the row's grid, the table's cell padding dropped. */
  cell: 'max-md:block max-md:p-0',
  /**
   * On a `<td>` that starts with a `PhoneLabel`, in a row of `labelled` columns: its label and its
   * value take the row's two columns, so the labels of a row line up, each on its value's first line.
   */
  field: 'max-md:col-span-2 max-md:grid max-md:grid-cols-subgrid max-md:items-baseline max-md:p-0',
  /** Columns for a row of `field` cells: the labels' width, then the values. */
  labelled: 'max-md:grid-cols-[auto_minmax(0,1fr)]',
} as const

/**
 * The same reflow below `lg`, for a table too wide for a tablet held upright: the charges list is
 * 925 px wide and at 768 px its station and cashier were out of sight. Its rows keep a layout of their
 * own (no `PhoneLabel`, whose `md:hidden` would not match), so only the structural classes.
 */
export const tabletTable = {
  table: 'max-lg:block max-lg:min-w-0',
  head: 'max-lg:hidden',
  body: 'max-lg:block',
  row: 'max-lg:grid max-lg:gap-x-3 max-lg:gap-y-1 max-lg:py-3',
  cell: 'max-lg:block max-lg:p-0',
} as const

/** What a cell holds, said on a phone only, where the table's head is hidden; quiet in a bold cell. */
export function PhoneLabel({ children }: { children: ReactNode }) {
  return <span className="font-normal whitespace-nowrap text-gray-500 md:hidden">{children}</span>
}
