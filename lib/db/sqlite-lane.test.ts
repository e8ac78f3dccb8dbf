import { afterEach, expect, it, vi } from 'vitest'
import { createDb, type DbHandle } from './connection'

let handle: DbHandle | undefined
afterEach(async () => {
  await handle?.db.destroy()
  handle = undefined
})

// Under `next start` each bundle (instrumentation, route handlers, pages) loads its own copy of
// these modules, and the connection is opened by whichever copy runs first. A copy that cannot see
// the lane sends every prepared read through Kysely's queue (bench/load.ts: 0.04× the bare server).
it('finds the lane of a connection opened by another copy of the module', async () => {
  handle = createDb({ sqlitePath: ':memory:' })
  vi.resetModules()
  const otherCopy = await import('./sqlite-lane')
  const lane = otherCopy.sqliteLaneOf(handle.db)
  expect(lane).toBeDefined()
  expect(lane!.connection.prepare('select 1 as one').get()).toEqual({ one: 1 })
})
