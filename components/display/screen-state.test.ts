import { describe, expect, it } from 'vitest'
import type { DisplayCharge } from '@/lib/display/view'
import {
  expireShown,
  holdRemaining,
  nextShown,
  NOTHING_SHOWN,
  TERMINAL_HOLD_MS,
  type Shown,
} from './screen-state'

const T = 1_800_000_000_000

function charge(status: DisplayCharge['status'], over: Partial<DisplayCharge> = {}): DisplayCharge {
  return {
    status,
    amountFen: 12850,
    bzOrder: 'B1',
    payWay: 'SCAN_WEIXIN',
    qr: status === 'pending' ? 'weixin://x' : null,
    expiresAt: T + 300_000,
    expired: false,
    ...over,
  }
}

/** Feeds polls [time, charge] in order and returns what is on screen after each. */
function run(polls: [number, DisplayCharge | null][]) {
  let s: Shown = NOTHING_SHOWN
  return polls.map(([at, c]) => {
    s = nextShown(s, c, at)
    return s.charge?.status ?? 'idle'
  })
}

describe('what the tablet shows', () => {
  it('follows a charge from open to paid, holds paid a few seconds, then idles', () => {
    expect(
      run([
        [T, null],
        [T + 1000, charge('creating')],
        [T + 2000, charge('pending')],
        [T + 3000, charge('paid')],
        [T + 3000 + TERMINAL_HOLD_MS - 1, charge('paid')],
        [T + 3000 + TERMINAL_HOLD_MS, charge('paid')], // the server still offers it: not shown
        [T + 12_000, null],
      ]),
    ).toEqual(['idle', 'creating', 'pending', 'paid', 'paid', 'idle', 'idle'])
  })

  it('keeps an ended charge its full moment even when the server has dropped it', () => {
    expect(
      run([
        [T, charge('closed')],
        [T + 1000, null],
        [T + TERMINAL_HOLD_MS, null],
      ]),
    ).toEqual(['closed', 'closed', 'idle'])
  })

  it('lets a new charge replace an ended one at once', () => {
    expect(
      run([
        [T, charge('failed')],
        [T + 1000, charge('creating', { bzOrder: 'B2', expiresAt: T + 400_000 })],
      ]),
    ).toEqual(['failed', 'creating'])
  })

  it('shows a late "paid" after "closed" again', () => {
    expect(
      run([
        [T, charge('closed')],
        [T + TERMINAL_HOLD_MS + 1, charge('closed')],
        [T + TERMINAL_HOLD_MS + 2, charge('paid')],
      ]),
    ).toEqual(['closed', 'idle', 'paid'])
  })

  it('ends a hold on its timer with no poll arriving', () => {
    const s = nextShown(NOTHING_SHOWN, charge('paid'), T)
    expect(holdRemaining(s, T + 1000)).toBe(TERMINAL_HOLD_MS - 1000)
    expect(expireShown(s, T + 1000).charge?.status).toBe('paid')
    const ended = expireShown(s, T + TERMINAL_HOLD_MS)
    expect(ended.charge).toBeNull()
    expect(holdRemaining(ended, T + TERMINAL_HOLD_MS)).toBeNull()
    expect(holdRemaining(nextShown(NOTHING_SHOWN, charge('pending'), T), T)).toBeNull()
  })
})
