import { spawn } from 'node:child_process'

/*
 * The ceilings the app is measured against, each a node:http server in a process of its own like the
 * app, answering each path with fixed bytes (the same JSON the app's routes return):
 *  - bare: nothing else;
 *  - with `reads`: first the same SQLite lookups the route must make (prepared once, run per
 *    request), which is as fast as any server can answer a poll that re-reads its user and charge.
 */

export interface BareRoute {
  body: string
  reads?: { sql: string; params: unknown[] }[]
}

const SCRIPT = `
const http = require('node:http')
const routes = JSON.parse(process.env.BARE_ROUTES)
const db = process.env.BARE_SQLITE
  ? new (require('better-sqlite3'))(process.env.BARE_SQLITE, { readonly: true })
  : null
for (const route of Object.values(routes)) {
  route.statements = (route.reads ?? []).map((r) => ({ s: db.prepare(r.sql), p: r.params }))
}
http
  .createServer((req, res) => {
    const route = routes[req.url.split('?')[0]]
    if (route === undefined) return res.writeHead(404).end()
    for (const { s, p } of route.statements) s.get(...p)
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    res.end(route.body)
  })
  .listen(Number(process.env.BARE_PORT), '127.0.0.1', () => console.log('ready'))
`

export async function startBareServer(
  port: number,
  routes: Record<string, BareRoute>,
  sqlitePath?: string,
): Promise<{ url: string; pid: number; stop(): void }> {
  const child = spawn(process.execPath, ['-e', SCRIPT], {
    env: {
      ...process.env,
      BARE_ROUTES: JSON.stringify(routes),
      BARE_PORT: String(port),
      BARE_SQLITE: sqlitePath ?? '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)))
  })
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => void child.kill() }
}
