import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { freePort } from '@/tests/support/ports'

/*
 * Floors the app is measured against: what Next itself costs. A bare Next app (the app's own
 * `next`, React and bundler, default config) built and started beside the app. It lives under
 * data/ (ignored by git), inside the repository so it resolves the app's node_modules; plain .jsx,
 * so Next neither type-checks nor writes a tsconfig for it. Turbopack takes the repository (its
 * lockfile) as the workspace root and would build the app's own instrumentation.ts and proxy.ts
 * into it: no-op ones of its own keep them out (both server-only, so they change nothing the
 * browser loads). Each floor is an app of its own (its own folder): the page-weight floor's page
 * (PAGE_WEIGHT_FLOOR, one small client component) stays alone in its build, so another floor's
 * pages cannot move its figure.
 */

export interface BareApp {
  /** Its folder under data/. */
  name: string
  /** Its own files beside the shared config and layout (path → text). */
  files: Record<string, string>
}

const BASE_FILES: Record<string, string> = {
  'next.config.mjs': 'export default {}\n',
  'instrumentation.js': 'export function register() {}\n',
  'proxy.js': 'export function proxy() {}\n',
  'app/layout.jsx': `export default function Layout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
`,
}

export const PAGE_WEIGHT_FLOOR: BareApp = {
  name: 'bench-bare-next',
  files: {
    'app/page.jsx': `import { Counter } from './counter'

export default function Page() {
  return <main><h1>Bare</h1><Counter /></main>
}
`,
    'app/counter.jsx': `'use client'
import { useState } from 'react'

export function Counter() {
  const [n, setN] = useState(0)
  return <button onClick={() => setN(n + 1)}>{n}</button>
}
`,
  },
}

const NEXT_BIN = resolve('node_modules/next/dist/bin/next')

function exec(args: string[], cwd: string, env: Record<string, string> = {}) {
  return spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Builds `app` and starts it on a free port; `env` is its server's environment (e.g. a URL). */
export async function startBareNext(
  app: BareApp = PAGE_WEIGHT_FLOOR,
  env: Record<string, string> = {},
): Promise<{ baseUrl: string; stop(): void }> {
  const dir = resolve('data', app.name)
  for (const [file, text] of Object.entries({ ...BASE_FILES, ...app.files })) {
    mkdirSync(join(dir, file, '..'), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  const build = exec(['build'], dir)
  let log = ''
  build.stdout.on('data', (d) => (log += d))
  build.stderr.on('data', (d) => (log += d))
  const code = await new Promise<number | null>((ok) => build.on('exit', ok))
  if (code !== 0) throw new Error(`bare Next build failed (${code}):\n${log}`)

  const port = await freePort()
  const server = exec(['start', '-p', String(port), '-H', '127.0.0.1'], dir, env)
  const baseUrl = `http://127.0.0.1:${port}`
  await new Promise<void>((ok, fail) => {
    let out = ''
    server.stdout.on('data', (d) => {
      out += d
      if (/Ready|started server/i.test(out)) ok()
    })
    server.on('exit', (c) => fail(new Error(`bare Next exited (${c}): ${out}`)))
  })
  return { baseUrl, stop: () => server.kill('SIGTERM') }
}
