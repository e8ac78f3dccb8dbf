/*
 * The production HTTP server, started by `npm start` (scripts/start.ts) in place of `next start`:
 * Next's own request handler behind one Node server, which first offers each request to the lean
 * poll handler that Next's server bundle installs at start-up (lib/polling/handoff.ts). The screens'
 * once-a-second polls are answered there; everything else — pages, actions, the proxy — is Next's.
 *   tsx scripts/serve.ts --port 3000
 * It runs without the react-server condition that the other scripts use: Next loads its own server
 * code, and this file imports nothing of lib/ that would need it.
 */
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import next from 'next'
import { installedPollHandler } from '../lib/polling/handoff'

const { values } = parseArgs({ options: { port: { type: 'string' } } })
const port = Number(values.port ?? 3000)

async function main() {
  // Benchmarks and supervisors find the process by this name.
  process.title = 'cashier-server'
  const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port })
  await app.prepare()
  const handle = app.getRequestHandler()
  const server = createServer((req, res) => {
    if (installedPollHandler()?.(req, res)) return
    void handle(req, res)
  })
  server.listen(port, () => console.log(`▲ cashier listening on http://localhost:${port}`))

  const stop = () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    // A poll or page still in flight gets a moment; a connection kept open forever does not.
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
