/*
 * A page's query value as one string. Next hands a page a key written twice (`?q=a&q=b`) as an
 * array, whatever the page's type says, and string methods on it threw (a server error for a
 * doubled key in a link). The first is taken, as URLSearchParams.get does. Pure and client-safe.
 */

export type SearchParam = string | string[] | undefined

export function firstParam(value: SearchParam): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
