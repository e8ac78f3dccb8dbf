import { describe, expect, it } from 'vitest'
import { createDmsClient, type DmsClient } from './client'
import {
  FRAMEWORK_ERROR_401,
  GARBAGE,
  HTML_200_LOGIN,
  HTML_500,
  NGINX_502,
  TRUNCATED,
} from '@/tests/support/dms/broken-bodies'
import {
  CONTRACT_CODES,
  CONTRACT_ERROR_CODES,
  ERROR_CODE_AS_STRING,
  ERROR_NO_MESSAGE,
  ERROR_UNKNOWN_CODE,
  errorBody,
} from '@/tests/support/dms/error-bodies'
import { fakeFetch, fetchFailed, hang, type FakeAnswer } from '@/tests/support/dms/fake-fetch'

/* Every endpoint turns every failure into the same DmsError, never a throw. */

const calls: [string, (dms: DmsClient) => Promise<unknown>][] = [
  [
    'createPayment',
    (dms) =>
      dms.createPayment({
        bzOrder: 'B',
        amountFen: 1,
        payWay: 'SCAN_WEIXIN',
        payerId: 'p',
        recieverId: 'r',
      }),
  ],
  ['getPayer', (dms) => dms.getPayer()],
  ['listReceivers', (dms) => dms.listReceivers()],
  ['queryPayment', (dms) => dms.queryPayment({ bizOrderNo: 'X' })],
  ['closePayment', (dms) => dms.closePayment('X')],
]

const run = (call: (dms: DmsClient) => Promise<unknown>, answer: FakeAnswer, timeoutMs = 1000) =>
  call(
    createDmsClient({
      baseUrl: 'http://dms.test',
      token: 't',
      timeoutMs,
      fetch: fakeFetch(answer).fetch,
    }),
  )

describe.each(calls)('%s', (_name, call) => {
  it.each(CONTRACT_CODES)('errCode %i → rejected with DMS errMsg', async (code) => {
    expect(await run(call, { body: errorBody(code, code) })).toEqual({
      ok: false,
      error: { kind: 'rejected', code, message: CONTRACT_ERROR_CODES[code] },
    })
  })

  it('errCode as a string, unknown codes and a missing errMsg are rejections too', async () => {
    expect(await run(call, { body: ERROR_CODE_AS_STRING })).toMatchObject({
      error: { kind: 'rejected', code: 2007 },
    })
    expect(await run(call, { body: ERROR_UNKNOWN_CODE })).toMatchObject({
      error: { kind: 'rejected', code: 4242, message: '风控拦截' },
    })
    expect(await run(call, { body: ERROR_NO_MESSAGE })).toMatchObject({
      error: { kind: 'rejected', code: 4243, message: '' },
    })
  })

  it.each([
    ['HTML 500', 'http', { status: 500, body: HTML_500 }],
    ['nginx 502', 'http', { status: 502, body: NGINX_502 }],
    ['framework 401', 'http', { status: 401, body: FRAMEWORK_ERROR_401 }],
    ['HTML 200', 'html', { body: HTML_200_LOGIN }],
    ['garbage', 'garbage', { body: GARBAGE }],
    ['truncated', 'truncated', { body: TRUNCATED }],
    ['wrong shape', 'shape', { body: '{"errCode":1000,"errMsg":"","data":"nope"}' }],
  ] as const)('%s → unavailable/%s, sent', async (_label, reason, answer) => {
    expect(await run(call, answer)).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', reason, sent: true },
    })
  })

  it('connection refused → unavailable, not sent', async () => {
    expect(await run(call, { throws: fetchFailed('ECONNREFUSED') })).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', reason: 'refused', sent: false },
    })
  })

  it('timeout and broken connection → unknown', async () => {
    expect(await run(call, hang, 20)).toMatchObject({ ok: false, error: { kind: 'unknown' } })
    expect(await run(call, { throws: fetchFailed('ECONNRESET') })).toMatchObject({
      ok: false,
      error: { kind: 'unknown' },
    })
  })
})
