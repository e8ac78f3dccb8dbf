import type { ReactNode } from 'react'

/*
 * A table that reflows into a list of entries on a phone or a tablet held upright: below `lg` (where
 * the staff shell folds a manager's or admin's navigation into a menu) its head hides, each row
 * becomes a small grid the caller lays out and each cell a block in it, so a row shows everything it
 * holds within the screen instead of scrolling sideways in its card with its last columns out of
 * sight (at 768 px the charges list is 925 px wide and the users table 896). Every class here is
 * `max-lg:`, so from `lg` up only the table's own classes apply and the desktop table is the one it
 * was. One markup reflowing rather than a second copy: a row's hooks (data-testid, data-*) stay
 * single. One breakpoint for every such table, so the app's lists change shape together.
 */
export const phoneTable = {
  /** On the `<table>`: a block (and no minimum width) on a phone. */
  table: 'max-lg:block max-lg:min-w-0',
  /** On the `<thead>`: the cells label themselves on a phone (`PhoneLabel`). */
  head: 'max-lg:hidden',
  /** On the `<tbody>`. */
  body: 'max-lg:block',
  /**
   * On each `<tr>`: a grid; the caller adds its columns (`max-lg:grid-cols-…`), places the cells
   * and, in a card without padding, the sides (`max-lg:px-4`).
   */
  row: 'max-lg:grid max-lg:gap-x-3 max-lg:gap-y-1 max-lg:py-3',
  /** On each `<td>`: a block of the row's grid, the table's cell padding dropped. */
  cell: 'max-lg:block max-lg:p-0',
  /**
   * On a `<td>` that starts with a `PhoneLabel`, in a row of `labelled` columns: its label and its
   * value take the row's two columns, so the labels of a row line up, each on its value's first line.
   */
  field: 'max-lg:col-span-2 max-lg:grid max-lg:grid-cols-subgrid max-lg:items-baseline max-lg:p-0',
  /** Columns for a row of `field` cells: the labels' width, then the values. */
  labelled: 'max-lg:grid-cols-[auto_minmax(0,1fr)]',
} as const

/** What a cell holds, said where the table's head is hidden; quiet in a bold cell. */
export function PhoneLabel({ children }: { children: ReactNode }) {
  return <span className="font-normal whitespace-nowrap text-gray-500 lg:hidden">{children}</span>
}
