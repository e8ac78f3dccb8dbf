import { describe, expect, it } from 'vitest'
import { LIVE_WINDOW_MS } from './constants'
import { deviceLiveness, summarizeHeartbeats } from './heartbeat'

const NOW = 1_800_000_000_000

describe('customer screen heartbeat summary', () => {
  it('says nothing is there when the station has no tablet', () => {
    expect(summarizeHeartbeats([], NOW)).toEqual({
      tablets: 0,
      live: false,
      lastSeenAt: null,
      offlineForSec: null,
    })
  })

  it('is live while the last contact is recent', () => {
    expect(summarizeHeartbeats([NOW - LIVE_WINDOW_MS], NOW)).toEqual({
      tablets: 1,
      live: true,
      lastSeenAt: NOW - LIVE_WINDOW_MS,
      offlineForSec: null,
    })
  })

  it('counts whole seconds offline after that', () => {
    expect(summarizeHeartbeats([NOW - 40_900], NOW)).toMatchObject({
      live: false,
      offlineForSec: 40,
    })
  })

  it('uses the most recent of several tablets, and knows one never seen', () => {
    expect(summarizeHeartbeats([null, NOW - 60_000, NOW - 2_000], NOW)).toMatchObject({
      tablets: 3,
      live: true,
      lastSeenAt: NOW - 2_000,
    })
    expect(summarizeHeartbeats([null], NOW)).toMatchObject({
      tablets: 1,
      live: false,
      offlineForSec: null,
    })
  })

  it('gives one device its own state', () => {
    expect(deviceLiveness(NOW - 1_000, NOW)).toEqual({ live: true, offlineForSec: null })
    expect(deviceLiveness(NOW - 90_000, NOW)).toEqual({ live: false, offlineForSec: 90 })
  })
})
