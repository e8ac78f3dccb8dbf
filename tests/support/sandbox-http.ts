import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sandboxControl, type SandboxControl } from '@/sandbox/control-client'
import { createSandbox, type Sandbox, type SandboxOptions } from '@/sandbox/server'
import { sleep } from '@/tests/support/wait'

/* Helpers for the sandbox's over-HTTP tests. Not a test file itself. */

export const TOKEN = 'test-token'
/** 10:00 on 2026-11-25, China time. */
export const T0 = Date.UTC(2026, 10, 25, 2, 0, 0)

export interface Started {
  sandbox: Sandbox
  url: string
  control: SandboxControl
  dms: (path: string, params?: Record<string, unknown>, init?: DmsInit) => Promise<DmsReply>
}

export interface DmsInit {
  token?: string | null
  json?: boolean
  signal?: AbortSignal
  method?: string
}

export interface DmsReply {
  status: number
  contentType: string
  text: string
  body: { errCode: number; errMsg: string; data: unknown } | undefined
}

export async function dmsCall(
  url: string,
  path: string,
  params: Record<string, unknown> = {},
  init: DmsInit = {},
): Promise<DmsReply> {
  const token = init.token === undefined ? TOKEN : init.token
  const headers: Record<string, string> = {
    'Content-Type': init.json ? 'application/json' : 'application/x-www-form-urlencoded',
  }
  if (token !== null) headers.Authorization = `Bearer ${token}`
  const method = init.method ?? 'POST'
  const body = init.json
    ? JSON.stringify(params)
    : new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    body: method === 'GET' ? undefined : body,
    signal: init.signal,
  })
  const text = await res.text()
  let parsed: DmsReply['body']
  try {
    parsed = JSON.parse(text) as DmsReply['body']
  } catch {
    parsed = undefined
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text,
    body: parsed,
  }
}

export async function startSandbox(options: Partial<SandboxOptions> = {}): Promise<Started> {
  const sandbox = createSandbox({ dataFile: null, token: TOKEN, ...options })
  const url = await sandbox.listen(0)
  return {
    sandbox,
    url,
    control: sandboxControl(url),
    dms: (path, params, init) => dmsCall(url, path, params, init),
  }
}

export const paymentParams = (over: Record<string, unknown> = {}) => ({
  bz_order: 'BILL-1',
  amount: 12850,
  pay_way: 'SCAN_WEIXIN',
  payer_id: 'testtlzf',
  reciever_id: 'RCV-0001',
  ...over,
})

/** A clock tests move by hand. */
export function fakeClock(start = T0) {
  let t = start
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms
    },
  }
}

export interface Received {
  body: string
  headers: IncomingHttpHeaders
  fields: Record<string, string>
}

/** A stand-in for the cashier's notify endpoint: records what arrives and answers `success`. */
export async function startReceiver(answer = 'success') {
  const received: Received[] = []
  const waiters: Array<() => void> = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      received.push({
        body,
        headers: req.headers,
        fields: Object.fromEntries(new URLSearchParams(body)),
      })
      res.end(answer)
      waiters.splice(0).forEach((w) => w())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/dms/notify`,
    received,
    /** Resolves once `count` notifications have arrived (rejects after `timeoutMs`). */
    async waitFor(count: number, timeoutMs = 3000): Promise<Received[]> {
      const deadline = Date.now() + timeoutMs
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} notifications, got ${received.length}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 50)
        })
      }
      return received
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** Polls `read` until `done` holds, returning every distinct value seen on the way, in order. */
export async function watchUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T[]> {
  const seen: T[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (seen.at(-1) !== value) seen.push(value)
    if (done(value)) return seen
    if (Date.now() > deadline) throw new Error(`still ${String(value)} after ${timeoutMs} ms`)
    await sleep(10)
  }
}
