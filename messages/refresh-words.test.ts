import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { LOCALES } from '@/lib/locale'
import { NAMESPACE_FILES } from './namespaces'

/*
 * No text tells the staff to refresh the page or guesses that someone just changed or deleted
 * something. A refusal because the page is stale re-renders it and says what happened
 * (docs/conventions.md, server actions: staleRefusal); one that only a malformed request reaches
 * says so and where to go next (users, stations and charges are never deleted).
 */
const WORDS = /刷新|refresh|reload|可能刚被|可能已被删除|may have just|no longer exists|any more/i

/** Texts that keep such words, each with why. */
const KEPT: Record<string, string> = {
  // The station list reads DMS's accounts as the page is drawn, and has no retry of its own:
  // loading the page again is how it reads them again. Not a refusal, and not about staleness.
  'admin.stations.dmsFallback': 'loading the page again re-reads the DMS accounts',
}

function texts(node: unknown, path: string, into: Map<string, string>) {
  if (typeof node === 'string') into.set(path, node)
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) texts(value, `${path}.${key}`, into)
  }
  return into
}

it.each(LOCALES)('no %s text asks for a refresh or guesses at a change', (locale) => {
  const found: string[] = []
  for (const file of NAMESPACE_FILES) {
    const json: unknown = JSON.parse(
      readFileSync(join(process.cwd(), 'messages', locale, `${file}.json`), 'utf8'),
    )
    for (const [path, text] of texts(json, file, new Map())) {
      if (WORDS.test(text) && !(path in KEPT)) found.push(`${path}: ${text}`)
    }
  }
  expect(found).toEqual([])
})
