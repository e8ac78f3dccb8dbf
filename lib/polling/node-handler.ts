import 'server-only'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { TLSSocket } from 'node:tls'
import { parse, serialize } from 'cookie'
import { isHttpsRequest } from '@/lib/http/https'
import { SECURITY_HEADERS } from '@/lib/http/security-headers'
import { answerChargePoll } from './charge-poll'
import { answerDisplayPoll } from './display-poll'
import { answerDisplayStatusPoll } from './display-status-poll'
import { paced } from './paced-work'
import type { PollAnswer, PollRequest } from './types'

/*
 * The poll routes answered on Node's own request, before Next's router, renderer and proxy see it.
 * Screens poll every second, and Next's pipeline alone costs about a millisecond of CPU a request
 * (≈1,300 req/s for a route that returns {"ok":true} on one core): 200 screens would queue behind it.
 * Same answers as the Next route handlers (app/api/…/route.ts), same headers as next.config.ts.
 */

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

const ROUTES: { path: RegExp; answer: (req: PollRequest, id: string) => Promise<PollAnswer> }[] = [
  { path: new RegExp(`^/api/charges/(${UUID})$`), answer: answerChargePoll },
  { path: /^\/api\/display\/state()$/, answer: (req) => answerDisplayPoll(req) },
  { path: new RegExp(`^/api/stations/(${UUID})/display-status$`), answer: answerDisplayStatusPoll },
]

// Flat [name, value, name, value, …]: writeHead takes it as is, without a headers object per answer.
const FIXED_HEADERS: readonly string[] = [
  ...SECURITY_HEADERS.flatMap((h) => [h.key, h.value]),
  'content-type',
  'application/json',
  'cache-control',
  'no-store',
]

function pollRequestOf(req: IncomingMessage): PollRequest {
  const cookies = parse(req.headers.cookie ?? '')
  const forwarded = req.headers['x-forwarded-proto']
  return {
    cookies: Object.fromEntries(
      Object.entries(cookies).filter((e): e is [string, string] => e[1] !== undefined),
    ),
    https: isHttpsRequest(
      Array.isArray(forwarded) ? forwarded[0] : forwarded,
      req.socket instanceof TLSSocket,
    ),
  }
}

function send(res: ServerResponse, answer: PollAnswer): void {
  const body = JSON.stringify(answer.body)
  const headers = [...FIXED_HEADERS, 'content-length', String(Buffer.byteLength(body))]
  for (const c of answer.cookies ?? [])
    headers.push('set-cookie', serialize(c.name, c.value, c.options))
  res.writeHead(answer.status, headers).end(body)
}

export function handlePoll(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' || !req.url?.startsWith('/api/')) return false
  const q = req.url.indexOf('?')
  const path = q < 0 ? req.url : req.url.slice(0, q)
  for (const route of ROUTES) {
    const m = route.path.exec(path)
    if (!m) continue
    const id = m[1]!
    paced(() => {
      route.answer(pollRequestOf(req), id).then(
        (answer) => send(res, answer),
        (error: unknown) => {
          console.error(`poll ${path} failed`, error)
          send(res, { status: 500, body: { error: 'internal' } })
        },
      )
    })
    return true
  }
  return false
}
