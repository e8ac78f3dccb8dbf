import { describe, expect, it } from 'vitest'
import { readCappedText } from './body-limit'

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://x/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit)

function streamOf(chunks: number, size: number) {
  let sent = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(97))
      else controller.close()
    },
  })
}

describe('readCappedText', () => {
  it('reads a body within the cap', async () => {
    expect(await readCappedText(post('a=1&b=2'), 16)).toBe('a=1&b=2')
  })

  it('refuses a declared length over the cap without reading', async () => {
    expect(await readCappedText(post('x', { 'content-length': '1000000' }), 16)).toBeNull()
  })

  it('stops reading a streamed body as soon as it passes the cap', async () => {
    expect(await readCappedText(post(streamOf(1000, 1024)), 8 * 1024)).toBeNull()
  })

  it('keeps multi-byte text whole across chunks', async () => {
    const text = '签名=测试'.repeat(50)
    expect(await readCappedText(post(text), 8 * 1024)).toBe(text)
  })
})
