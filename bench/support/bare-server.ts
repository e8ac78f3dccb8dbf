import { spawn } from 'node:child_process'

/*
 * The ceiling the app is measured against: a bare node:http server, in a process of its own like the
 * app, answering each path with fixed bytes (the same JSON the app's routes return).
 */

const SCRIPT = `
const http = require('node:http')
const bodies = JSON.parse(process.env.BARE_BODIES)
http
  .createServer((req, res) => {
    const body = bodies[req.url.split('?')[0]]
    if (body === undefined) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    res.end(body)
  })
  .listen(Number(process.env.BARE_PORT), '127.0.0.1', () => console.log('ready'))
`

export async function startBareServer(
  port: number,
  bodies: Record<string, string>,
): Promise<{ url: string; pid: number; stop(): void }> {
  const child = spawn(process.execPath, ['-e', SCRIPT], {
    env: { ...process.env, BARE_BODIES: JSON.stringify(bodies), BARE_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)))
  })
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => void child.kill() }
}
