import 'server-only'
import { serialize } from 'cookie'
import { connection, NextResponse, type NextRequest } from 'next/server'
import { requestCookies } from '@/lib/server/request-origin'
import type { PollAnswer, PollRequest, StreamAnswer } from './types'

const NO_STORE = { 'cache-control': 'no-store' }

function pollRequestOf(req: NextRequest): PollRequest {
  return { ...requestCookies(req), signal: req.signal }
}

function nextResponseOf(answer: PollAnswer): NextResponse {
  const res = NextResponse.json(answer.body, { status: answer.status, headers: NO_STORE })
  for (const c of answer.cookies ?? []) res.cookies.set(c.name, c.value, c.options)
  return res
}

/** A screen's plain poll (its first load, and the 2 s fallback) as a GET route handler. */
export function pollRoute<P>(answer: (req: PollRequest, params: P) => Promise<PollAnswer>) {
  return async (req: NextRequest, ctx: { params: Promise<P> }) => {
    await connection() // read per request, never prerendered
    return nextResponseOf(await answer(pollRequestOf(req), await ctx.params))
  }
}

/** A screen's subscription (Server-Sent Events, lib/feed/sse.ts) as a GET route handler. */
export function streamRoute<P>(answer: (req: PollRequest, params: P) => Promise<StreamAnswer>) {
  return async (req: NextRequest, ctx: { params: Promise<P> }) => {
    await connection()
    const a = await answer(pollRequestOf(req), await ctx.params)
    if (!('stream' in a)) return nextResponseOf(a)
    for (const c of a.cookies ?? [])
      a.stream.headers.append('set-cookie', serialize(c.name, c.value, c.options))
    return a.stream
  }
}
