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

// The create action holds DMS's answer back from the screens until the cashier's answer is sent
// (issue 14): held, then sent in full by `later`, even when the held work throws.
it('holds the events published inside holdingPublishes until its caller sends them', async () => {
  const feed = await import('./feed')
  const heard: FeedSignal[] = []
  const unsubscribe = feed.subscribe(feed.chargeTopic('h1'), (s) => heard.push(s))
  const event = { kind: 'charge', id: 'h1', stationId: 's1', version: 2 } as const
  let send: (() => void) | undefined
  const result = await feed.holdingPublishes(
    async () => {
      feed.publish(event)
      await Promise.resolve()
      feed.publish({ ...event, version: 3 })
      return 'answer'
    },
    (s) => (send = s),
  )
  expect(result).toBe('answer')
  expect(heard).toEqual([])
  // Published outside the held work: delivered at once.
  feed.publish({ ...event, version: 4 })
  expect(heard).toEqual([{ ...event, version: 4 }])
  send!()
  expect(heard.map((s) => 'version' in s && s.version)).toEqual([4, 2, 3])

  const failing = feed.holdingPublishes(
    async () => {
      feed.publish({ ...event, version: 5 })
      throw new Error('DMS client bug')
    },
    (s) => s(),
  )
  await expect(failing).rejects.toThrow('DMS client bug')
  expect(heard.map((s) => 'version' in s && s.version)).toEqual([4, 2, 3, 5])
  unsubscribe()
})

// The store of holdingPublishes follows every timer and promise started inside its work: an event
// such work publishes once the work is over went into an array already handed over (or never handed
// over at all), and no screen heard of it.
it('delivers at once what work started inside holdingPublishes publishes after it is over', async () => {
  const feed = await import('./feed')
  const heard: FeedSignal[] = []
  const unsubscribe = feed.subscribe(feed.chargeTopic('h2'), (s) => heard.push(s))
  const event = { kind: 'charge', id: 'h2', stationId: 's1', version: 1 } as const
  let later: Promise<void> | undefined
  const sends: (() => void)[] = []
  await feed.holdingPublishes(
    async () => {
      later = new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
        feed.publish({ ...event, version: 2 }),
      )
    },
    (s) => sends.push(s),
  )
  await later
  expect(sends).toEqual([])
  expect(heard).toEqual([{ ...event, version: 2 }])

  // The same once the held events have been sent.
  await feed.holdingPublishes(
    async () => {
      feed.publish({ ...event, version: 3 })
      later = new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
        feed.publish({ ...event, version: 4 }),
      )
    },
    (s) => s(),
  )
  await later
  expect(heard.map((s) => 'version' in s && s.version)).toEqual([2, 3, 4])
  unsubscribe()
})
