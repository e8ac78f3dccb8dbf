import 'server-only'
import { connection, NextResponse, type NextRequest } from 'next/server'
import { isHttpsRequest } from '@/lib/http/https'
import type { PollAnswer, PollRequest } from './types'

const NO_STORE = { 'cache-control': 'no-store' }

function pollRequestOf(req: NextRequest): PollRequest {
  return {
    cookies: Object.fromEntries(req.cookies.getAll().map((c) => [c.name, c.value])),
    https: isHttpsRequest(req.headers.get('x-forwarded-proto'), req.nextUrl.protocol === 'https:'),
  }
}

function nextResponseOf(answer: PollAnswer): NextResponse {
  const res = NextResponse.json(answer.body, { status: answer.status, headers: NO_STORE })
  for (const c of answer.cookies ?? []) res.cookies.set(c.name, c.value, c.options)
  return res
}

/**
 * A poll answer as a Next GET route handler. In production the lean polling server answers these
 * paths before Next sees them (lib/polling/node-handler.ts); this is the same answer for `next dev`.
 */
export function pollRoute<P>(answer: (req: PollRequest, params: P) => Promise<PollAnswer>) {
  return async (req: NextRequest, ctx: { params: Promise<P> }) => {
    await connection() // read per request, never prerendered
    return nextResponseOf(await answer(pollRequestOf(req), await ctx.params))
  }
}
