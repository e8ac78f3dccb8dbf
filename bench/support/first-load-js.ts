import { gzipSync } from 'node:zlib'

/*
 * A page's first-load JavaScript as a modern browser fetches it: every script file the HTML
 * references (`<script src>`, and `<link rel=preload as=script>`), each fetched and gzip-compressed
 * here at zlib's default level, as a typical server or proxy sends it. `noModule` scripts (Next's
 * polyfills for old browsers) are left out and reported apart: a browser that runs modules never
 * downloads them. Inline scripts (React's payload for the first render) are data, also apart.
 */

export interface FirstLoadJs {
  /** Script URL → gzip bytes. */
  files: Map<string, number>
  gzipBytes: number
  rawBytes: number
  noModuleGzipBytes: number
  inlineGzipBytes: number
  html: string
}

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script>/g
const SRC = /\bsrc="([^"]+)"/
const PRELOAD_SCRIPT = /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")[^>]*\bhref="([^"]+)"/g

const gzipSize = (bytes: Uint8Array) => gzipSync(bytes).byteLength
const decode = (s: string) => s.replaceAll('&amp;', '&')

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`)
  return new Uint8Array(await res.arrayBuffer())
}

export async function firstLoadJs(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<FirstLoadJs> {
  const res = await fetch(`${baseUrl}${path}`, { headers })
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`)
  const html = await res.text()
  const loaded = new Set<string>()
  const noModule = new Set<string>()
  let inline = ''
  for (const [, attrs, body] of html.matchAll(SCRIPT_TAG)) {
    const src = SRC.exec(attrs!)?.[1]
    if (!src) inline += body
    else if (/\bnoModule\b/i.test(attrs!)) noModule.add(decode(src))
    else loaded.add(decode(src))
  }
  for (const m of html.matchAll(PRELOAD_SCRIPT)) loaded.add(decode(m[1]!))

  const files = new Map<string, number>()
  let rawBytes = 0
  for (const file of loaded) {
    const bytes = await fetchBytes(new URL(file, baseUrl))
    rawBytes += bytes.byteLength
    files.set(file, gzipSize(bytes))
  }
  let noModuleGzipBytes = 0
  for (const file of noModule)
    noModuleGzipBytes += gzipSize(await fetchBytes(new URL(file, baseUrl)))
  const sum = (v: Iterable<number>) => [...v].reduce((a, b) => a + b, 0)
  return {
    files,
    gzipBytes: sum(files.values()),
    rawBytes,
    noModuleGzipBytes,
    inlineGzipBytes: gzipSize(Buffer.from(inline)),
    html,
  }
}
