import { describe, expect, it } from 'vitest'
import { checkFaultRule, FaultBook } from './faults'

describe('FaultBook', () => {
  it('applies matching rules, oldest first, and uses up limited ones', () => {
    const book = new FaultBook()
    book.add({ endpoint: 'query', mode: 'html500', times: 1 })
    book.add({ mode: 'http502' })
    expect(book.take('query').fault?.mode).toBe('html500')
    expect(book.take('query').fault?.mode).toBe('http502')
    expect(book.take('payment').fault?.mode).toBe('http502')
    expect(book.list()).toHaveLength(1)
  })

  it('adds up latency and combines it with a fault', () => {
    const book = new FaultBook()
    book.setGlobalLatency(100)
    book.add({ endpoint: 'payment', mode: 'latency', latencyMs: 200 })
    book.add({ endpoint: 'payment', mode: 'errcode', errCode: 1004 })
    const plan = book.take('payment')
    expect(plan).toMatchObject({ latencyMs: 300, label: 'latency+errcode' })
    expect(book.take('close')).toMatchObject({ latencyMs: 100, fault: null, label: 'latency' })
  })

  it('replaces the global latency instead of stacking it', () => {
    const book = new FaultBook()
    book.setGlobalLatency(100)
    book.setGlobalLatency(50)
    expect(book.take('query').latencyMs).toBe(50)
    book.setGlobalLatency(0)
    expect(book.list()).toEqual([])
  })

  it('keeps hang-after-record to the payment endpoint', () => {
    const book = new FaultBook()
    expect(book.add({ mode: 'hang-after-record' }).endpoint).toBe('payment')
    expect(book.take('query').fault).toBeNull()
    expect(book.take('payment').fault?.mode).toBe('hang-after-record')
  })

  it('keeps other-order to the query endpoint', () => {
    const book = new FaultBook()
    expect(book.add({ mode: 'other-order' }).endpoint).toBe('query')
    expect(book.take('close').fault).toBeNull()
    expect(book.take('query').fault?.mode).toBe('other-order')
  })
})

describe('checkFaultRule', () => {
  it.each([
    [{ mode: 'explode' }, 'mode'],
    [{ mode: 'hang', endpoint: 'refund' }, 'endpoint'],
    [{ mode: 'hang-after-record', endpoint: 'query' }, 'payment'],
    [{ mode: 'other-order', endpoint: 'close' }, 'query'],
    [{ mode: 'latency', latencyMs: -1 }, 'latencyMs'],
    [{ mode: 'errcode', errCode: 'x' }, 'errCode'],
    [{ mode: 'hang', times: 0 }, 'times'],
    [{ mode: 'errcode', errMsg: 5 }, 'errMsg'],
    [[], 'object'],
  ])('refuses %o', (input, word) => {
    const r = checkFaultRule(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain(word)
  })

  it('accepts a full rule', () => {
    expect(checkFaultRule({ endpoint: '*', mode: 'errcode', errCode: 1004, times: 2 }).ok).toBe(
      true,
    )
  })
})
