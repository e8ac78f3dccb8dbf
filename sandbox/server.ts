import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CONTROL_PREFIX, handleControl } from './control-routes'
import { handleDms } from './dms-routes'
import { SandboxEngine } from './engine'
import { SERVER_ERROR_HTML } from './fault-pages'
import { FaultBook } from './faults'
import { BodyTooLargeError, readBody } from './http-body'
import { sendJson, sendText } from './http-send'
import { RequestLog } from './request-log'

/*
 * The DMS sandbox: a plain node:http server speaking the DMS contract (A–F) plus the /__control/
 * surface that tests drive. Everything it needs comes in through options; it reads no env.
 */

export interface SandboxOptions {
  /** JSON file for orders and counts; null keeps them in memory only. */
  dataFile: string | null
  /** The bearer token DMS calls must carry. */
  token: string
  /** Where result notifications (F) are POSTed; none are sent without it. */
  notifyUrl?: string
  /** HMAC key for X-DMS-Signature. */
  notifySecret?: string
  /** Start with auto-pay on (20–90 s). */
  autoPay?: boolean
  now?: () => number
  random?: () => number
}

export interface Sandbox {
  server: Server
  /** Resolves to the base URL, e.g. http://127.0.0.1:4010. Port 0 picks a free port. */
  listen(port: number, host?: string): Promise<string>
  /** Stops answering, drops hanging connections, and writes the data file. */
  close(): Promise<void>
}

function baseUrl(address: AddressInfo): string {
  const host =
    address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
}

export function createSandbox(options: SandboxOptions): Sandbox {
  // Read at each use, not taken once: a process whose clock is moved (a test's server, the demo
  // history's past days: scripts/shifted-date.mjs) moves the sandbox's with it.
  const now = options.now ?? (() => Date.now())
  const engine = new SandboxEngine({ ...options, now, random: options.random ?? Math.random })
  const faults = new FaultBook()
  const log = new RequestLog(now)
  const sleeps = new Set<NodeJS.Timeout>()
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleeps.delete(timer)
        resolve()
      }, ms)
      sleeps.add(timer)
    })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid')
    const raw = await readBody(req)
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      // The control surface marks orders paid: only this machine may use it, however the
      // sandbox was bound (SANDBOX_HOST=0.0.0.0 so that a tablet on the LAN can reach DMS pages).
      if (!isLoopback(req.socket.remoteAddress)) {
        sendJson(res, 403, { error: 'the sandbox control surface answers this machine only' })
        return
      }
      engine.sweep()
      handleControl(req.method ?? 'GET', url, raw, { engine, faults, log }, res)
    } else {
      await handleDms(req, res, url.pathname, raw, {
        engine,
        faults,
        log,
        token: options.token,
        sleep,
      })
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof BodyTooLargeError) {
        sendJson(res, 413, { error: e.message })
        return
      }
      // A bug here must not take down the sandbox and every test using it: answer like PHP would.
      console.error('DMS sandbox: request failed', e)
      sendText(res, 500, 'text/html; charset=utf-8', SERVER_ERROR_HTML)
    })
  })

  return {
    server,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          resolve(baseUrl(server.address() as AddressInfo))
        })
      })
    },
    close() {
      for (const t of sleeps) clearTimeout(t)
      sleeps.clear()
      engine.shutdown()
      return new Promise((resolve) => {
        if (!server.listening) return resolve()
        server.close(() => resolve())
        // Hanging requests (the 'hang' faults) and idle keep-alive sockets would hold close() forever.
        server.closeAllConnections()
      })
    },
  }
}

/*
 * The socket's own peer (never a header): 127.0.0.0/8 or ::1, also as ::ffff:127.x on a dual-stack
 * socket. The sandbox is a program of its own and keeps this one check rather than import the app's
 * address rules.
 */
function isLoopback(address: string | undefined): boolean {
  const a = (address ?? '').toLowerCase().replace(/^::ffff:(?=\d+\.)/, '')
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a)
}
