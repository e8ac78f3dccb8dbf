import { describe, expect, it } from 'vitest'
import {
  FRAMEWORK_ERROR_NO_STATUS,
  GARBAGE,
  HTML_200_LOGIN,
  NGINX_502,
  NO_ERRCODE,
  NOT_AN_OBJECT,
  TRUNCATED,
} from '@/tests/support/dms/broken-bodies'
import { fakeFetch } from '@/tests/support/dms/fake-fetch'
import { CLOSE_OK, QUERY_PAID } from '@/tests/support/dms/success-bodies'
import { createDmsClient } from './client'
import { classifyFetchError } from './network-error'
import { readResponse } from './read-response'
import { readSystemText } from './system-text'
import type { DmsError } from './types'

/* Fed what the client really writes, so a changed wording there turns this red, not the UI English. */

const detailOf = (e: DmsError) => (e.kind === 'rejected' ? e.message : e.detail)
const fromBody = (status: number, body: string) => {
  const reply = readResponse(status, body)
  if (reply.ok) throw new Error('expected a failed reply')
  return detailOf(reply.error)
}
const netError = (code: string, message: string) =>
  Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error(message), { code }) })

describe('readSystemText', () => {
  it('reads a timeout as its wait in seconds', () => {
    const detail = detailOf(classifyFetchError(new Error('aborted'), true, 10_000))
    expect(detail).toBe('no answer within 10000 ms')
    expect(readSystemText(detail)).toEqual({ kind: 'timeout', params: { seconds: 10 }, code: null })
  })

  it('reads an HTTP error page as a server error with its status', () => {
    const detail = fromBody(503, 'Service Unavailable')
    expect(detail).toMatch(/^HTTP 503: /)
    expect(readSystemText(detail)).toEqual({ kind: 'http', params: { status: 503 }, code: null })
    expect(readSystemText(fromBody(502, NGINX_502))).toMatchObject({
      kind: 'http',
      params: { status: 502 },
    })
  })

  it('tells a refused connection from one that broke, keeping the network code', () => {
    const refused = detailOf(
      classifyFetchError(netError('ECONNREFUSED', 'connect ECONNREFUSED'), false, 10_000),
    )
    expect(readSystemText(refused)).toEqual({ kind: 'refused', params: {}, code: 'ECONNREFUSED' })
    const broken = detailOf(
      classifyFetchError(netError('ECONNRESET', 'socket hang up'), false, 10_000),
    )
    expect(readSystemText(broken)).toEqual({ kind: 'broken', params: {}, code: 'ECONNRESET' })
  })

  it('reads every answer it cannot parse as unreadable, a 200 login page included', () => {
    const bodies = [
      HTML_200_LOGIN,
      GARBAGE,
      TRUNCATED,
      NO_ERRCODE,
      NOT_AN_OBJECT,
      FRAMEWORK_ERROR_NO_STATUS,
    ]
    const kinds = bodies.map((b) => readSystemText(fromBody(200, b))?.kind)
    expect(kinds).toEqual(bodies.map(() => 'unreadable'))
    expect(readSystemText('/dms/cash-out/query: payStatus: unknown value "X"')?.kind).toBe(
      'unreadable',
    )
  })

  it('reads an answer about another attempt or bill as that, not as unreadable', async () => {
    const dms = createDmsClient({
      baseUrl: 'http://dms.test',
      token: 't',
      timeoutMs: 1000,
      fetch: fakeFetch({ body: QUERY_PAID }, { body: QUERY_PAID }, { body: CLOSE_OK }).fetch,
    })
    const answers = [
      await dms.queryPayment({ bizOrderNo: 'B-OTHER' }),
      await dms.queryPayment({ bzOrder: 'BILL-OTHER' }),
      await dms.closePayment('B-OTHER'),
    ]
    const kinds = answers.map((a) => (a.ok ? null : readSystemText(detailOf(a.error))?.kind))
    expect(kinds).toEqual(['mismatch', 'mismatch', 'mismatch'])
  })

  it('leaves DMS’s own words alone', () => {
    expect(readSystemText('收款账户余额不足')).toBeNull()
    expect(readSystemText('Invalid parameter')).toBeNull()
    expect(readSystemText(null)).toBeNull()
  })
})
