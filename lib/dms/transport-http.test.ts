import { afterEach, describe, expect, it } from 'vitest'
import { HTML_500, TRUNCATED } from '@/tests/support/dms/broken-bodies'
import { closedPort, startFakeDms, type LocalServer } from '@/tests/support/dms/local-server'
import { ORDER_NO } from '@/tests/support/dms/success-bodies'
import { createDmsClient } from './client'
import { postForm } from './transport'

/* The transport against a real HTTP server, for the behaviour a fake fetch cannot show. */

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const config = (baseUrl: string, timeoutMs = 2000) => ({ baseUrl, token: 'tok', timeoutMs })

describe('transport over real HTTP', () => {
  it('sends form fields and the bearer header; a bare 19-digit orderNo arrives exact', async () => {
    server = await startFakeDms((_req, res) => {
      res.setHeader('Content-Type', 'application/json')
      res.end(
        `{"errCode":1000,"errMsg":"请求成功","data":{"bizOrderNo":2020072100000257,"orderNo":${ORDER_NO},"bz_order":"B-1","orderStatus":4,"amount":100,"payDatetime":"2024-03-01 09:30:15"}}`,
      )
    })
    const dms = createDmsClient(config(server.baseUrl))
    const result = await dms.queryPayment({ bzOrder: 'B-1' })
    expect(result).toMatchObject({
      ok: true,
      data: { orderNo: ORDER_NO, bizOrderNo: '2020072100000257', status: 'paid' },
    })
    const [request] = server.requests
    expect(request?.url).toBe('/dms/cash-out/query')
    expect(request?.headers.authorization).toBe('Bearer tok')
    expect(request?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    expect(request?.body).toBe('bz_order=B-1')
  })

  it('a refused connection is unavailable and certainly not sent', async () => {
    const reply = await postForm(config(await closedPort()), '/x', {})
    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', reason: 'refused', sent: false },
    })
  })

  it('a server that never answers times out as unknown', async () => {
    server = await startFakeDms(() => {})
    const reply = await postForm(config(server.baseUrl, 150), '/x', {})
    expect(reply).toEqual({
      ok: false,
      error: { kind: 'unknown', detail: 'no answer within 150 ms' },
    })
    expect(server.requests).toHaveLength(1)
  })

  it('a socket destroyed after the request arrived is unknown', async () => {
    server = await startFakeDms((req) => req.socket.destroy())
    const reply = await postForm(config(server.baseUrl), '/x', { a: '1' })
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unknown' } })
    expect(server.requests).toHaveLength(1)
  })

  it('a body cut off mid-way (connection closed early) is unknown', async () => {
    server = await startFakeDms((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' })
      res.write(TRUNCATED)
      setTimeout(() => res.socket?.destroy(), 10)
    })
    const reply = await postForm(config(server.baseUrl), '/x', {})
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unknown' } })
  })

  it('a complete but truncated JSON body is unavailable/truncated', async () => {
    server = await startFakeDms((_req, res) => res.end(TRUNCATED))
    const reply = await postForm(config(server.baseUrl), '/x', {})
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unavailable', reason: 'truncated' } })
  })

  it('an HTML 500 page is unavailable/http with its status', async () => {
    server = await startFakeDms((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/html' })
      res.end(HTML_500)
    })
    const reply = await postForm(config(server.baseUrl), '/x', {})
    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', reason: 'http', status: 500, sent: true },
    })
  })

  it('does not follow a redirect with the POST', async () => {
    server = await startFakeDms((req, res) => {
      if (req.url === '/elsewhere') return res.end('{"errCode":1000,"data":{}}')
      res.writeHead(302, { Location: '/elsewhere' })
      res.end()
    })
    const reply = await postForm(config(server.baseUrl), '/x', {})
    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', reason: 'http', status: 302 },
    })
    expect(server.requests.map((r) => r.url)).toEqual(['/x'])
  })
})
