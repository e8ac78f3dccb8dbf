/*
 * Public POST routes (sign-in, pairing, DMS notifications) read at most this much of a body: more
 * is refused with 413 before it is held in memory. Server actions have the same limit in
 * next.config.js (serverActions.bodySizeLimit), and proxy.ts refuses a declared length above it.
 */
export const PUBLIC_BODY_LIMIT = 64 * 1024

/** The 413 answer: what went wrong and what the limit is. The connection is closed, not drained. */
export function bodyTooLarge(limit: number): Response {
  return Response.json(
    {
      error: 'body-too-large',
      message: `Request body too large: at most ${limit} bytes are accepted here. Send less.`,
    },
    { status: 413, headers: { connection: 'close', 'cache-control': 'no-store' } },
  )
}

/** The body as text, or the 413 to answer with. */
export async function readBodyWithin(
  request: Request,
  limit: number = PUBLIC_BODY_LIMIT,
): Promise<{ ok: true; text: string } | { ok: false; response: Response }> {
  const text = await readCappedText(request, limit)
  return text === null ? { ok: false, response: bodyTooLarge(limit) } : { ok: true, text }
}

/**
 * The same request with its body read within the limit, for a handler that reads the body itself
 * (Auth.js): it then sees a body already in memory and no larger than the limit.
 */
export async function withBodyWithin(
  request: Request,
  limit: number = PUBLIC_BODY_LIMIT,
): Promise<Request | Response> {
  if (request.method === 'GET' || request.method === 'HEAD') return request
  const read = await readBodyWithin(request, limit)
  if (!read.ok) return read.response
  const headers = new Headers(request.headers)
  headers.delete('content-length')
  return new Request(request.url, { method: request.method, headers, body: read.text })
}

/**
 * A body as text, or null once it passes `maxBytes`: reading stops there, so a huge body sent to a
 * public endpoint (or a DMS answer streaming without end) costs at most `maxBytes` of memory. A
 * Content-Length that already says too much is refused before anything is read.
 */
export async function readCappedText(
  request: Pick<Request | Response, 'headers' | 'body'>,
  maxBytes: number,
): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '')
  if (Number.isFinite(declared) && declared > maxBytes) return null
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      // The answer is already decided; a peer that broke off meanwhile changes nothing.
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
