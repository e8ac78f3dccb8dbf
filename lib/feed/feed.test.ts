import { expect, it, vi } from 'vitest'
import type { FeedSignal } from './feed'

// Under `next start` a notification's route, the sweep and a screen's stream each run in a bundle
// with its own copy of this module: an event published through one must reach a screen subscribed
// through another, and the count of subscriptions is the process's.
it('delivers across copies of the module, and counts subscriptions process-wide', async () => {
  const streamCopy = await import('./feed')
  vi.resetModules()
  const notifyCopy = await import('./feed')
  expect(notifyCopy).not.toBe(streamCopy)

  const heard: FeedSignal[] = []
  const before = notifyCopy.openSubscriptions()
  const unsubscribe = streamCopy.subscribe(streamCopy.chargeTopic('c1'), (s) => heard.push(s))
  expect(notifyCopy.openSubscriptions()).toBe(before + 1)
  notifyCopy.publish({ kind: 'charge', id: 'c1', stationId: 's1', version: 7 })
  expect(heard).toEqual([{ kind: 'charge', id: 'c1', stationId: 's1', version: 7 }])
  unsubscribe()
  expect(notifyCopy.openSubscriptions()).toBe(before)
})
