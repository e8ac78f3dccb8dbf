import { describe, expect, it } from 'vitest'
import { chargeRefusal } from './refusal'

const KNOWN = ['not-found', 'ended']

describe('chargeRefusal', () => {
  it('names the status a stale refusal found the charge in', () => {
    const state = { status: 'error', error: 'ended', stale: { status: 'refunded' } } as const
    expect(chargeRefusal(state, KNOWN)).toEqual({ key: 'ended', stale: true, status: 'refunded' })
  })

  it('names no status for a refusal that is not about a stale page', () => {
    expect(chargeRefusal({ status: 'error', error: 'not-found' }, KNOWN)).toEqual({
      key: 'not-found',
      stale: false,
      status: null,
    })
  })

  it('reads an unknown key as failed, and a status that is not one as none', () => {
    const state = { status: 'error', error: 'boom', stale: { status: 'gone' } } as const
    expect(chargeRefusal(state, KNOWN)).toEqual({ key: 'failed', stale: true, status: null })
  })
})
