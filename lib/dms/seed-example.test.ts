import { describe, expect, it } from 'vitest'
import { SEED_EXAMPLE_DATA, SEED_EXAMPLE_ESCAPED } from '@/tests/support/dms/seed-example'
import { unescapeDocHtml } from '@/tests/support/dms/unescape-doc-html'
import { readResponse } from './read-response'
import { parseCreatedPayment } from './transform'

describe('the documented example (seed page)', () => {
  it('is double HTML-escaped in the doc and parses to the documented data once unescaped', () => {
    const json = unescapeDocHtml(SEED_EXAMPLE_ESCAPED)
    expect(json).not.toContain('&')
    expect(JSON.parse(json)).toEqual({ errCode: 1000, errMsg: '请求成功', data: SEED_EXAMPLE_DATA })
  })

  it('goes through the client pipeline to a pending QR', () => {
    const reply = readResponse(200, unescapeDocHtml(SEED_EXAMPLE_ESCAPED))
    expect(reply.ok).toBe(true)
    expect(reply.ok && parseCreatedPayment(reply.data)).toEqual({
      ok: true,
      value: {
        bizOrderNo: '2020072100000257',
        orderNo: '1285453080879468544',
        payInfo: 'https://qr.alipay.com/bax071438zy1ckv6sfum503a',
        payStatus: 'pending',
        payFailMessage: '',
      },
    })
  })

  it('is not a valid live response while still escaped: live bodies are never HTML-decoded', () => {
    const reply = readResponse(200, SEED_EXAMPLE_ESCAPED)
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unavailable', reason: 'garbage' } })
  })

  it('unescapes single and double escaping alike', () => {
    expect(unescapeDocHtml('&quot;a&quot; &amp;lt;b&amp;gt; &amp;amp;')).toBe('"a" <b> &')
  })
})
