import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import compile from 'icu-minify/compile'
import format from 'icu-minify/format'
import { IntlMessageFormat } from 'intl-messageformat'
import { expect, it } from 'vitest'
import { LOCALES } from '@/lib/locale'

/*
 * The build compiles every message (next.config.js, next-intl's `precompile`) and the app formats
 * the compiled form with a small runtime instead of the ICU parser. Every message of both locales
 * must read exactly as the ICU runtime reads its source, with its arguments filled (plurals at
 * 0, 1, 2 and 7).
 */
const OPTIONS = {
  formatters: {
    getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) =>
      new Intl.DateTimeFormat(...a),
    getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) =>
      new Intl.NumberFormat(...a),
    getPluralRules: (...a: ConstructorParameters<typeof Intl.PluralRules>) =>
      new Intl.PluralRules(...a),
  },
  timeZone: 'Asia/Shanghai',
}

function leaves(node: unknown, path: string): [string, string][] {
  if (typeof node === 'string') return [[path, node]]
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, path ? `${path}.${k}` : k),
  )
}

it('formats every compiled message as the ICU runtime formats its source', () => {
  let compared = 0
  const differ: string[] = []
  for (const locale of LOCALES) {
    const dir = join(process.cwd(), 'messages', locale)
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      for (const [key, source] of leaves(JSON.parse(readFileSync(join(dir, file), 'utf8')), '')) {
        const names = [...source.matchAll(/\{\s*(\w+)\s*(,\s*plural)?/g)]
        // A rich message's tags (t.rich): each wraps its part in a mark of its own.
        const tags = Object.fromEntries(
          [...source.matchAll(/<(\w+)>/g)].map(([, tag]) => [
            tag!,
            (chunks: unknown[]) => `[${tag}:${chunks.join('')}]`,
          ]),
        )
        const compiled = compile(source)
        for (const n of [0, 1, 2, 7]) {
          const values = {
            ...tags,
            ...Object.fromEntries(
              names.map(([, name, plural]) => [name!, plural ? n : `<${name}>`]),
            ),
          }
          const expected = String(new IntlMessageFormat(source, locale).format(values))
          const got = format(compiled, locale, values, OPTIONS)
          compared++
          if ((Array.isArray(got) ? got.join('') : String(got)) !== expected)
            differ.push(`${locale}/${file} ${key}`)
        }
      }
    }
  }
  expect(compared).toBeGreaterThan(4000)
  expect(differ).toEqual([])
})
