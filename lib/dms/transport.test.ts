import { describe, expect, it } from 'vitest'
import { NGINX_502 } from '@/tests/support/dms/broken-bodies'
import { fakeFetch, fetchFailed, hang } from '@/tests/support/dms/fake-fetch'
import { CREATE_OK } from '@/tests/support/dms/success-bodies'
import { postForm } from './transport'

const TOKEN = 'tok-SECRET-123'
const config = (f: typeof fetch, timeoutMs = 1000) => ({
  baseUrl: 'https://dms.example.com/',
  token: TOKEN,
  timeoutMs,
  fetch: f,
})

describe('postForm request', () => {
  it('POSTs a form-encoded body with the bearer token and JSON accept header', async () => {
    const fake = fakeFetch({ body: CREATE_OK })
    await postForm(config(fake.fetch), '/dms/cash-out/payment', {
      bz_order: 'BILL 1&2',
      amount: '100',
      reciever_id: '收款',
    })
    const [request] = fake.requests
    expect(request?.url).toBe('https://dms.example.com/dms/cash-out/payment')
    expect(request?.method).toBe('POST')
    expect(request?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
    expect(request?.headers.get('accept')).toBe('application/json')
    expect(request?.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/)
    expect(request?.body).toBe('bz_order=BILL+1%262&amount=100&reciever_id=%E6%94%B6%E6%AC%BE')
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      bz_order: 'BILL 1&2',
      amount: '100',
      reciever_id: '收款',
    })
  })
})

describe('postForm network failures', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])(
    '%s: unavailable, certainly not sent',
    async (code) => {
      const fake = fakeFetch({ throws: fetchFailed(code) })
      expect(await postForm(config(fake.fetch), '/x', {})).toMatchObject({
        ok: false,
        error: {
          kind: 'unavailable',
          reason: 'refused',
          sent: false,
          detail: expect.stringContaining(code),
        },
      })
    },
  )

  it('reads codes out of a happy-eyeballs AggregateError', async () => {
    const aggregate = Object.assign(
      new AggregateError([fetchFailed('ECONNREFUSED').cause, fetchFailed('ECONNREFUSED').cause]),
      { code: undefined },
    )
    const fake = fakeFetch({ throws: new TypeError('fetch failed', { cause: aggregate }) })
    expect(await postForm(config(fake.fetch), '/x', {})).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', sent: false },
    })
  })

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'])('%s: unknown outcome', async (code) => {
    const fake = fakeFetch({ throws: fetchFailed(code, 'other side closed') })
    expect(await postForm(config(fake.fetch), '/x', {})).toMatchObject({
      ok: false,
      error: { kind: 'unknown', detail: expect.stringContaining('other side closed') },
    })
  })

  it('an error without any code is unknown, never "not sent"', async () => {
    const fake = fakeFetch({ throws: new TypeError('fetch failed') })
    expect(await postForm(config(fake.fetch), '/x', {})).toMatchObject({
      ok: false,
      error: { kind: 'unknown' },
    })
  })

  it('our timeout aborts the request and reports an unknown outcome', async () => {
    // `hang` never answers: a reply at all is our timeout's doing.
    const fake = fakeFetch(hang)
    const reply = await postForm(config(fake.fetch, 50), '/x', {})
    expect(reply).toEqual({
      ok: false,
      error: { kind: 'unknown', detail: 'no answer within 50 ms' },
    })
  })

  it('a body that breaks off while being read is an unknown outcome', async () => {
    const fake = fakeFetch(async () => {
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"errCode":1000,'))
          controller.error(fetchFailed('UND_ERR_SOCKET', 'other side closed'))
        },
      })
      return new Response(stream, { status: 200 })
    })
    expect(await postForm(config(fake.fetch), '/x', {})).toMatchObject({
      ok: false,
      error: { kind: 'unknown' },
    })
  })

  it('an invalid base URL is reported as not sent', async () => {
    const reply = await postForm({ baseUrl: 'not a url', token: TOKEN, timeoutMs: 1000 }, '/x', {})
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unavailable', sent: false } })
  })
})

describe('postForm never leaks the token', () => {
  it('scrubs it from network error details', async () => {
    const fake = fakeFetch({ throws: fetchFailed('ECONNRESET', `bad header Bearer ${TOKEN}`) })
    const reply = await postForm(config(fake.fetch), '/x', {})
    expect(JSON.stringify(reply)).not.toContain(TOKEN)
    expect(JSON.stringify(reply)).toContain('[token]')
  })

  it('scrubs it from echoed bodies and DMS messages', async () => {
    const echoed = fakeFetch({ status: 400, body: `Bad token ${TOKEN}` })
    expect(JSON.stringify(await postForm(config(echoed.fetch), '/x', {}))).not.toContain(TOKEN)
    const rejected = fakeFetch({
      body: `{"errCode":1003,"errMsg":"token ${TOKEN} 已过期","data":[]}`,
    })
    expect(JSON.stringify(await postForm(config(rejected.fetch), '/x', {}))).not.toContain(TOKEN)
  })

  it('passes an HTTP error through the body classifier', async () => {
    const fake = fakeFetch({ status: 502, body: NGINX_502, contentType: 'text/html' })
    expect(await postForm(config(fake.fetch), '/x', {})).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', reason: 'http', status: 502, sent: true },
    })
  })
})
