import { describe, expect, it } from 'vitest'
import {
  BINARY_GARBAGE,
  FRAMEWORK_ERROR_401,
  FRAMEWORK_ERROR_500,
  FRAMEWORK_ERROR_NO_STATUS,
  GARBAGE,
  HTML_200_LOGIN,
  HTML_500,
  NGINX_502,
  NO_ERRCODE,
  NOT_AN_OBJECT,
  TRUNCATED,
  TRUNCATED_AFTER_VALUE,
} from '@/tests/support/dms/broken-bodies'
import { ENVELOPE_ON_401, ERROR_CODE_AS_STRING } from '@/tests/support/dms/error-bodies'
import { CREATE_DRIFTED, CREATE_OK, ORDER_NO } from '@/tests/support/dms/success-bodies'
import { readResponse } from './read-response'

const unavailable = (reason: string, extra: object = {}) => ({
  ok: false,
  error: { kind: 'unavailable', reason, sent: true, ...extra },
})

describe('readResponse', () => {
  it('returns data of a success envelope, ids exact', () => {
    const reply = readResponse(200, CREATE_DRIFTED)
    expect(reply).toMatchObject({ ok: true, data: { orderNo: ORDER_NO } })
  })

  it('ignores a UTF-8 byte order mark that PHP files sometimes emit', () => {
    expect(readResponse(200, `\uFEFF${CREATE_OK}`).ok).toBe(true)
  })

  it('turns errCode != 1000 into rejected, with the code as a number', () => {
    expect(readResponse(200, ERROR_CODE_AS_STRING)).toEqual({
      ok: false,
      error: { kind: 'rejected', code: 2007, message: '付款账户今日付款次数已达上限' },
      data: [],
    })
  })

  it('says which HTML page a 500 was, without its contents', () => {
    const reply = readResponse(500, HTML_500)
    expect(reply).toMatchObject(unavailable('http', { status: 500 }))
    const detail = !reply.ok && reply.error.kind === 'unavailable' ? reply.error.detail : ''
    expect(detail).toBe('HTTP 500: HTML page "500 Internal Server Error"')
    expect(detail).not.toContain('PDOException')
  })

  it('reports an nginx 502 page', () => {
    expect(readResponse(502, NGINX_502)).toMatchObject(
      unavailable('http', { status: 502, detail: 'HTTP 502: HTML page "502 Bad Gateway"' }),
    )
  })

  it('reports an HTML page served with 200', () => {
    expect(readResponse(200, HTML_200_LOGIN)).toMatchObject(
      unavailable('html', { detail: 'HTTP 200: HTML page "登录 - 66智修"' }),
    )
  })

  it('reports a 3xx (redirects are not followed) as http', () => {
    expect(readResponse(302, '')).toMatchObject(
      unavailable('http', { status: 302, detail: 'HTTP 302: empty body' }),
    )
  })

  it('keeps a short, printable snippet of a plain-text error body', () => {
    const reply = readResponse(503, `Service Unavailable ${'x'.repeat(500)}`)
    const detail = !reply.ok && reply.error.kind === 'unavailable' ? reply.error.detail : ''
    expect(detail.startsWith('HTTP 503: "Service Unavailable xxx')).toBe(true)
    expect(detail.length).toBeLessThan(150)
  })

  it('reports garbage', () => {
    expect(readResponse(200, GARBAGE)).toMatchObject(unavailable('garbage'))
    const binary = readResponse(200, BINARY_GARBAGE)
    expect(binary).toMatchObject(unavailable('garbage'))
    expect(!binary.ok && binary.error.kind === 'unavailable' && binary.error.detail).not.toMatch(
      /[\u0000-\u0008]/,
    )
  })

  it('reports an empty 200 body as garbage', () => {
    expect(readResponse(200, '  ')).toMatchObject(
      unavailable('garbage', { detail: 'HTTP 200: empty body' }),
    )
  })

  it.each([[TRUNCATED], [TRUNCATED_AFTER_VALUE]])('reports a cut-off body as truncated', (body) => {
    expect(readResponse(200, body)).toMatchObject(unavailable('truncated'))
  })

  it('reports a framework error object with an HTTP status as http, with its message', () => {
    expect(readResponse(401, FRAMEWORK_ERROR_401)).toMatchObject(
      unavailable('http', {
        status: 401,
        detail: 'HTTP 401: Unauthorized: Your request was made with invalid credentials.',
      }),
    )
    expect(readResponse(200, FRAMEWORK_ERROR_500)).toMatchObject(
      unavailable('http', {
        status: 500,
        detail: expect.stringContaining('An internal server error'),
      }),
    )
  })

  it('reports a framework error without a status as shape', () => {
    expect(readResponse(200, FRAMEWORK_ERROR_NO_STATUS)).toMatchObject(
      unavailable('shape', { detail: 'framework error: Exception: Something went wrong' }),
    )
  })

  it('prefers DMS envelope codes over the HTTP status', () => {
    expect(readResponse(401, ENVELOPE_ON_401)).toMatchObject({
      ok: false,
      error: { kind: 'rejected', code: 1003, message: 'token 已过期' },
    })
  })

  it('does not trust a success envelope on an HTTP error status', () => {
    expect(readResponse(500, CREATE_OK)).toMatchObject(unavailable('http', { status: 500 }))
  })

  it('reports JSON that is not an envelope as shape', () => {
    expect(readResponse(200, NOT_AN_OBJECT)).toMatchObject(unavailable('shape'))
    expect(readResponse(200, NO_ERRCODE)).toMatchObject(unavailable('shape'))
    expect(readResponse(200, '{"errCode":"ok","data":{}}')).toMatchObject(unavailable('shape'))
  })
})
