import { describe, expect, it, onTestFinished } from 'vitest'
import { openSubscriptions, publish, stationTopic } from './feed'
import { endAllStreams, sseResponse } from './sse'

/* A screen's stream: current state first, a re-read per event, and nothing held once the client has gone. */

async function nextData(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<unknown> {
  const decoder = new TextDecoder()
  for (;;) {
    const { value, done } = await reader.read()
    if (done) throw new Error('stream ended')
    const text = decoder.decode(value)
    const data = /^data: (.*)$/m.exec(text)
    if (data && !text.startsWith('event: hb')) return JSON.parse(data[1]!)
  }
}

function open(stationId: string, onClose: () => void) {
  const abort = new AbortController()
  let n = 0
  const res = sseResponse({
    signal: abort.signal,
    topics: [stationTopic(stationId)],
    onClose,
    recheck: async () => true,
    read: async (cause) => ({ n: n++, cause: typeof cause === 'string' ? cause : cause.kind }),
  })
  return { res, abort, reader: res.body!.getReader() }
}

describe('sseResponse', () => {
  it('sends the state first, then a re-read per event, with headers no hop may buffer', async () => {
    const s = open('s-a', () => {})
    expect(s.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(s.res.headers.get('cache-control')).toBe('no-cache, no-transform')
    expect(s.res.headers.get('x-accel-buffering')).toBe('no')
    expect(await nextData(s.reader)).toEqual({ n: 0, cause: 'start' })
    publish({ kind: 'charge', id: 'c', stationId: 's-a', version: 2 })
    expect(await nextData(s.reader)).toEqual({ n: 1, cause: 'charge' })
    s.abort.abort()
  })

  it('asks the credential again before every read but the first, and ends when it fails', async () => {
    const abort = new AbortController()
    let valid = true
    let asked = 0
    let reads = 0
    let closed = 0
    const res = sseResponse({
      signal: abort.signal,
      topics: [stationTopic('s-recheck')],
      onClose: () => closed++,
      recheck: async () => {
        asked++
        return valid
      },
      read: async () => ({ n: reads++ }),
    })
    const reader = res.body!.getReader()
    onTestFinished(() => abort.abort())
    expect(await nextData(reader)).toEqual({ n: 0 })
    expect(asked).toBe(0)
    publish({ kind: 'station', stationId: 's-recheck' })
    expect(await nextData(reader)).toEqual({ n: 1 })
    expect(asked).toBe(1)
    valid = false
    publish({ kind: 'station', stationId: 's-recheck' })
    await expect(nextData(reader)).rejects.toThrow('stream ended')
    // Refused before reading: nothing was read or sent for the event.
    expect({ asked, reads, closed }).toEqual({ asked: 2, reads: 2, closed: 1 })
  })

  it('treats only the first read as the first: an event during it is read after a recheck', async () => {
    const abort = new AbortController()
    onTestFinished(() => abort.abort())
    const calls: string[] = []
    let finishFirst!: () => void
    const firstRead = new Promise<void>((resolve) => (finishFirst = resolve))
    const res = sseResponse({
      signal: abort.signal,
      topics: [stationTopic('s-first')],
      recheck: async () => {
        calls.push('recheck')
        return true
      },
      read: async (cause) => {
        const name = typeof cause === 'string' ? cause : cause.kind
        calls.push(`read ${name}`)
        if (name === 'start') await firstRead
        return { cause: name }
      },
    })
    const reader = res.body!.getReader()
    // The opener's read is under way (it started with the stream) and has not answered yet.
    expect(calls).toEqual(['read start'])
    publish({ kind: 'station', stationId: 's-first' })
    finishFirst()
    expect(await nextData(reader)).toEqual({ cause: 'start' })
    // The event's read is a later read: the credential is asked first, and it is told the event.
    expect(await nextData(reader)).toEqual({ cause: 'station' })
    expect(calls).toEqual(['read start', 'recheck', 'read station'])
  })

  it('releases every subscription when clients leave, by abort or by cancel', async () => {
    const before = openSubscriptions()
    let closed = 0
    const screens = Array.from({ length: 20 }, (_, i) => open(`s-${i % 3}`, () => closed++))
    await Promise.all(screens.map((s) => nextData(s.reader)))
    expect(openSubscriptions()).toBe(before + 20)
    screens.slice(0, 10).forEach((s) => s.abort.abort())
    await Promise.all(screens.slice(10).map((s) => s.reader.cancel()))
    expect(openSubscriptions()).toBe(before)
    expect(closed).toBe(20)
    // An event after they left reaches nobody and reads nothing.
    publish({ kind: 'station', stationId: 's-1' })
    expect(closed).toBe(20)
  })

  it('ends every open stream at shutdown, so the server is not held open by screens', async () => {
    const before = openSubscriptions()
    const screens = Array.from({ length: 5 }, (_, i) => open(`s-end-${i}`, () => {}))
    await Promise.all(screens.map((s) => nextData(s.reader)))
    endAllStreams()
    expect(openSubscriptions()).toBe(before)
    for (const s of screens) expect((await s.reader.read()).done).toBe(true)
  })
})
