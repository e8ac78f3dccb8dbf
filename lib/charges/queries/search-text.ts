/*
 * The search box's text, as the search rule needs it (lib/charges/queries/search.ts). Pure and
 * client-safe: the list page says when a fragment is too short with the same constant.
 *
 * A fragment of 3 characters or more is found anywhere in a bill number, a DMS business order no.
 * or a DMS order no., through a trigram index on both databases (SQLite FTS5 `trigram`, PostgreSQL
 * `pg_trgm`). A trigram index cannot look up 1 or 2 characters, and scanning a million charges for
 * them is what the index is there to avoid, so a shorter text matches a whole number exactly.
 */

/** Shortest text searched as a part of a number; shorter text is matched exactly. */
export const SEARCH_MIN_CHARS = 3

/** Characters, not UTF-16 units: the trigram tokenizers count code points. */
export function searchChars(text: string): number {
  return [...text].length
}

export function isShortSearch(text: string): boolean {
  return searchChars(text) < SEARCH_MIN_CHARS
}

/** A LIKE pattern matching `text` anywhere, with `\`, `%` and `_` typed by a user taken literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * An FTS5 query for `text` as one phrase: inside double quotes every character is literal (no
 * operators, no column filters, no `*`), and a double quote is written twice.
 */
export function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`
}
