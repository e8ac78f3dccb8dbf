import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'
import { PG_URL } from '@/tests/support/db/targets'
import { subscribe, type FeedSignal } from './feed'
import { startPgFeed, type PgFeed } from './pg-feed'

/*
 * Two "processes" (two feeds with their own origins) on one PostgreSQL: what A publishes reaches B's
 * subscribers through LISTEN/NOTIFY, and when B's listening connection is cut, B reconnects and
 * tells its subscribers to re-read everything (what was sent meanwhile is lost to it).
 */

const waitFor = async (ok: () => boolean, what: string, ms = 5_000) => {
  const until = Date.now() + ms
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('change feed on PostgreSQL (LISTEN/NOTIFY)', () => {
  const channel = `feed_test_${randomBytes(4).toString('hex')}`
  let admin: pg.Client
  let a: PgFeed
  let b: PgFeed
  const send = async (ch: string, payload: string) => {
    await admin.query('select pg_notify($1, $2)', [ch, payload])
  }

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    a = startPgFeed(PG_URL, send, { channel, origin: 'process-a' })
    b = startPgFeed(PG_URL, send, { channel, origin: 'process-b' })
    await waitFor(() => a.listenerPid() !== null && b.listenerPid() !== null, 'both listening')
  })
  afterAll(async () => {
    await a.stop()
    await b.stop()
    await admin.end()
  })

  it('delivers another process’s event once (its own echo is skipped), with ids and version only', async () => {
    const heard: FeedSignal[] = []
    const off = subscribe('charge:c-1', (s) => heard.push(s))
    await a.notify({ kind: 'charge', id: 'c-1', stationId: 's-1', version: 4 })
    await waitFor(() => heard.length >= 1, 'the event on B')
    await new Promise((r) => setTimeout(r, 200))
    off()
    // B delivers it; A recognises its own and does not deliver it a second time.
    expect(heard).toEqual([{ kind: 'charge', id: 'c-1', stationId: 's-1', version: 4 }])
  })

  it('after its LISTEN connection is killed: reconnects, resyncs everyone, and hears again', async () => {
    const heard: FeedSignal[] = []
    const off = subscribe('station:s-2', (s) => heard.push(s))
    // The loss is logged on purpose (an operator sees why events paused): read here, not printed.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    onTestFinished(() => logged.mockRestore())
    const pid = b.listenerPid()!
    const connectsBefore = b.connects()
    const killed = await admin.query('select pg_terminate_backend($1) as ok', [pid])
    expect(killed.rows[0].ok).toBe(true)
    // Sent while B is down: lost to B, which is why it must resync.
    await a.notify({ kind: 'station', stationId: 's-2' })
    await waitFor(() => b.connects() > connectsBefore, 'the reconnect')
    expect(b.listenerPid()).not.toBe(pid)
    expect(logged.mock.calls).toEqual([
      ['change feed: LISTEN connection lost:', expect.stringMatching(/terminating connection/)],
    ])
    await waitFor(() => heard.some((s) => s.kind === 'resync'), 'the resync')
    const after = heard.length
    await a.notify({ kind: 'station', stationId: 's-2' })
    await waitFor(() => heard.length > after, 'an event after the reconnect')
    off()
    expect(heard.at(-1)).toEqual({ kind: 'station', stationId: 's-2' })
  })
})
