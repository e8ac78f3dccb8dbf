import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { LOCALES } from '@/lib/locale'
import { NAMESPACE_FILES } from './namespaces'

it('lists every namespace file of every locale, and only those', () => {
  for (const locale of LOCALES) {
    const files = readdirSync(join(process.cwd(), 'messages', locale))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort()
    expect(files.length).toBeGreaterThan(0)
    expect([...NAMESPACE_FILES].sort()).toEqual(files)
  }
})
