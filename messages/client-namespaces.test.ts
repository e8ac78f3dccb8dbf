import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLIENT_NAMESPACES, pickMessages, type ClientScope } from './client-namespaces'

/*
 * Each `<ClientMessages scope="…">` layout hands its client components the namespaces listed in
 * client-namespaces.ts, and nothing else: a namespace missing there shows a raw key in the browser.
 * This walks the imports of every page and layout under such a layout (down to a deeper one), and
 * collects the namespaces of every `useTranslations` in client code: a 'use client' module, or any
 * module a client module imports (a component without the directive runs in the browser when a
 * client component renders it). A server module's `useTranslations` reads every message on the
 * server and is not counted.
 */

const ROOT = process.cwd()
const SCOPE_USE = /<ClientMessages\s+scope="(\w+)"/g
const IMPORT =
  /\b(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g
const USE_TRANSLATIONS = /\buseTranslations\s*(?:<[^>]*>)?\s*\(([^)]*)\)/g
const CALLS_USE_TRANSLATIONS = /\buseTranslations\s*(?:<[^>]*>)?\s*\(/
/** Reads next-intl's messages some other way than a namespace the walk can see. */
const HIDDEN_READ = /\buseTranslations\s+as\b|\buseMessages\s*\(/
const LITERAL = /^\s*'([\w.]+)'\s*$/

const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))

const source = (file: string) => readFileSync(join(ROOT, file), 'utf8')

/** The directive must be the first statement; comments may come before it. */
const isClient = (text: string) =>
  /^['"]use client['"]/.test(text.replace(/^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/, ''))

function resolveImport(from: string, spec: string): string | null {
  let base: string
  if (spec.startsWith('@/')) base = join(ROOT, spec.slice(2))
  else if (spec.startsWith('.')) base = resolve(dirname(join(ROOT, from)), spec)
  else return null
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
    `${base}/index.tsx`,
  ])
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate))
      return relative(ROOT, candidate)
  return null
}

function importsOf(file: string): string[] {
  const found: string[] = []
  for (const m of source(file).matchAll(IMPORT)) {
    if (m[1]) continue // `import type`: no code reaches the browser
    const target = resolveImport(file, (m[2] ?? m[3])!)
    if (target) found.push(target)
  }
  return found
}

interface Walk {
  /** Namespace argument of each client `useTranslations`, with where it was found. */
  used: { ns: string; file: string }[]
  /** `useTranslations` in client code whose namespace cannot be read (not one string literal). */
  unreadable: string[]
  reached: Set<string>
}

/** Every module reachable from the entries, and whether it runs as client code. */
function walk(entries: string[]): Walk {
  const result: Walk = { used: [], unreadable: [], reached: new Set() }
  const seen = new Set<string>()
  const stack = entries.map((file) => ({ file, client: false }))
  while (stack.length) {
    const { file, client: inherited } = stack.pop()!
    const client = inherited || isClient(source(file))
    const key = `${file}|${client}`
    if (seen.has(key)) continue
    seen.add(key)
    result.reached.add(file)
    if (client && HIDDEN_READ.test(source(file)))
      result.unreadable.push(`${file}: useMessages or a renamed useTranslations`)
    if (client)
      for (const m of source(file).matchAll(USE_TRANSLATIONS)) {
        const ns = LITERAL.exec(m[1]!)?.[1]
        if (ns) result.used.push({ ns, file })
        else result.unreadable.push(`${file}: useTranslations(${m[1]})`)
      }
    for (const next of importsOf(file)) stack.push({ file: next, client })
  }
  return result
}

/** Each scope's layout and the pages, layouts and route files under it, down to a deeper scope. */
function scopes(): { scope: string; layout: string; entries: string[] }[] {
  const routeFiles = files('app').filter((f) =>
    /\/(page|layout|template|loading|error|not-found|default)\.tsx$/.test(f),
  )
  const layouts = routeFiles
    .filter((f) => f.endsWith('/layout.tsx'))
    .flatMap((layout) =>
      [...source(layout).matchAll(SCOPE_USE)].map((m) => ({ scope: m[1]!, layout })),
    )
  const dirs = layouts.map((l) => dirname(l.layout))
  // A route file belongs to the deepest scope layout above it.
  const owner = (file: string) =>
    dirs.filter((d) => file.startsWith(`${d}/`)).sort((a, b) => b.length - a.length)[0]
  return layouts.map((l) => ({
    ...l,
    entries: routeFiles.filter((f) => owner(f) === dirname(l.layout)),
  }))
}

const covers = (paths: readonly string[], ns: string) =>
  paths.some((p) => ns === p || ns.startsWith(`${p}.`))

describe('the messages each scope hands its client components', () => {
  const found = scopes()

  it('finds a layout for every scope, and only known scopes', () => {
    expect([...new Set(found.map((s) => s.scope))].sort()).toEqual(
      Object.keys(CLIENT_NAMESPACES).sort(),
    )
    for (const s of found) expect(s.entries.length, s.layout).toBeGreaterThan(0)
  })

  for (const { scope, layout, entries } of found)
    it(`${scope} (${layout}): every namespace its client code reads is handed over`, () => {
      const paths = CLIENT_NAMESPACES[scope as ClientScope] ?? []
      const { used, unreadable } = walk(entries)
      expect(unreadable).toEqual([])
      const missing = used.filter((u) => !covers(paths, u.ns)).map((u) => `${u.ns} (${u.file})`)
      expect(missing).toEqual([])
      // Nothing handed over that no client code of the scope reads (bytes for nothing).
      const unused = paths.filter((p) => !used.some((u) => covers([p], u.ns) || covers([u.ns], p)))
      expect(unused).toEqual([])
    })

  it('reaches every module that calls useTranslations (no import form the walk misses)', () => {
    const reached = new Set(found.flatMap((s) => [...walk(s.entries).reached]))
    const callers = [...files('app'), ...files('components')].filter((f) =>
      CALLS_USE_TRANSLATIONS.test(source(f)),
    )
    expect(callers.length).toBeGreaterThan(20)
    expect(callers.filter((f) => !reached.has(f))).toEqual([])
  })

  it('knows client code when it sees it', () => {
    const cashier = walk(found.find((s) => s.scope === 'cashier')!.entries)
    // charge-form.tsx is 'use client'; status-badge.tsx has no directive but a client module
    // (the charge screen) renders it.
    expect(cashier.used.map((u) => u.file)).toEqual(
      expect.arrayContaining([
        'app/(staff)/charge/new/charge-form.tsx',
        'components/charges/status-badge.tsx',
      ]),
    )
  })
})

describe('pickMessages', () => {
  it('keeps the paths asked for and nothing else', () => {
    const messages = { a: { x: '1', y: { z: '2' } }, b: { w: '3' }, c: 'no' }
    expect(pickMessages(messages, ['a.y', 'b'])).toEqual({ a: { y: { z: '2' } }, b: { w: '3' } })
  })
  it('refuses a path with no messages', () => {
    expect(() => pickMessages({ a: {} }, ['a.nope'])).toThrow('a.nope')
  })
})
