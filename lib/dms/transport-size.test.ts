import { describe, expect, it } from 'vitest'
import { CREATE_OK } from '@/tests/support/dms/success-bodies'
import { DMS_MAX_BODY_BYTES, postForm } from './transport'

/*
 * A DMS (or a proxy before it) that answers with a body without end: the whole body was read into
 * memory until the timeout, however large, and the create then counted as unanswered by timeout.
 */
const CHUNK = 16 * 1024

function endless() {
  const seen = { pulled: 0, cancelled: false }
  let signal: AbortSignal | undefined
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((r) => setTimeout(r, 1))
      // As a real fetch's body does: the request's timeout ends it.
      if (signal?.aborted) return controller.error(signal.reason)
      seen.pulled += CHUNK
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20))
    },
    cancel() {
      seen.cancelled = true
    },
  })
  const fetch = (async (_url: string, init?: RequestInit) => {
    signal = init?.signal ?? undefined
    return new Response(body, { status: 200 })
  }) as typeof globalThis.fetch
  return { fetch, seen }
}

const config = (fetch: typeof globalThis.fetch) => ({
  baseUrl: 'https://dms.example.com',
  token: 'tok-SECRET-123',
  timeoutMs: 3000,
  fetch,
})

describe('postForm: a body larger than any DMS answer', () => {
  it('stops reading at the limit: a sent request with no usable answer, not a timeout', async () => {
    const { fetch, seen } = endless()
    const reply = await postForm(config(fetch), '/x', {})
    expect(reply).toEqual({
      ok: false,
      error: {
        kind: 'unavailable',
        reason: 'garbage',
        sent: true,
        detail: `HTTP 200: body over ${DMS_MAX_BODY_BYTES} bytes`,
      },
    })
    expect(seen.cancelled).toBe(true)
    expect(seen.pulled).toBeLessThanOrEqual(DMS_MAX_BODY_BYTES + 2 * CHUNK)
  })

  it('reads an answer right up to the limit', async () => {
    const body = CREATE_OK + ' '.repeat(DMS_MAX_BODY_BYTES - Buffer.byteLength(CREATE_OK))
    const fetch = (async () => new Response(body, { status: 200 })) as typeof globalThis.fetch
    expect(await postForm(config(fetch), '/x', {})).toMatchObject({ ok: true })
  })
})
