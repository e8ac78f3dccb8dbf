import { encode } from 'next-auth/jwt'
import { expect, it } from 'vitest'
import { CLI_ACTOR } from '@/lib/audit/types'
import { endSession } from '@/lib/auth/ended-sessions'
import { sessionClaims } from '@/lib/auth/session-token'
import { getDb } from '@/lib/db'
import { publish } from '@/lib/feed/feed'
import { addUser, changeUserRole, setUserEnabled } from '@/lib/users'
import { insertStation, openCharge } from '@/tests/support/db/fixtures'
import { useAsAppDatabase } from '@/tests/support/db/app-database'
import { describeDialects } from '@/tests/support/db/targets'
import { answerTodayStream } from './today'
import type { TodayView } from './today-view'

/*
 * A staff stream holds only while its session does (lib/feed/sse.ts, staffRecheck): the today list
 * of a user who signs out, is disabled or has their role changed sends nothing more and ends.
 */

const SECRET = 'today-session-test-secret-0123456789abcdef'
const NAME = 'authjs.session-token'

type Next = { data: TodayView } | { done: true }

async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Next> {
  const decoder = new TextDecoder()
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return { done: true }
    const text = decoder.decode(value)
    const data = /^data: (.*)$/m.exec(text)
    if (data && !text.startsWith('event: hb')) return { data: JSON.parse(data[1]!) as TodayView }
  }
}

describeDialects('a staff stream ends with its session', (target) => {
  useAsAppDatabase(target, {
    AUTH_SECRET: SECRET,
    DMS_BASE_URL: 'http://127.0.0.1:1',
    DMS_TOKEN: 'test-token',
  })

  it.each([
    [
      'signs out',
      async (_: string, cookies: Record<string, string>) => {
        const claims = await sessionClaims(cookies, false)
        await endSession(claims!.sid!, claims!.expiresAt)
      },
    ],
    ['is disabled', (username: string) => setUserEnabled(username, false, CLI_ACTOR)],
    [
      'has their role changed',
      (username: string) => changeUserRole(username, 'cashier', CLI_ACTOR),
    ],
  ])('the user %s', async (label, change) => {
    const username = `stream-${label.replace(/\W+/g, '-')}`.slice(0, 30)
    const user = await addUser({ username, password: 'password-1', role: 'manager' }, CLI_ACTOR, {
      bcryptCost: 4,
    })
    const cookies = {
      [NAME]: await encode({
        token: { uid: user.id, sv: user.sessionVersion, sid: `sid-${username}` },
        secret: SECRET,
        salt: NAME,
      }),
    }
    const stationId = await insertStation(getDb())
    const refs = { stationId, cashierId: user.id }
    const abort = new AbortController()
    const answer = await answerTodayStream(
      { cookies, https: false, signal: abort.signal },
      stationId,
    )
    if (!('stream' in answer)) throw new Error(`refused: ${JSON.stringify(answer.body)}`)
    const reader = answer.stream.body!.getReader()
    try {
      expect(await nextEvent(reader)).toEqual({ data: { rows: [], paid: { count: 0, fen: 0 } } })

      // While the session holds, a new charge of the station is sent.
      const first = openCharge(refs, `B-${label}-1`)
      await getDb().insertInto('charges').values(first).execute()
      publish({ kind: 'station', stationId })
      const sent = await nextEvent(reader)
      expect('data' in sent && sent.data.rows.map((r) => r.id)).toEqual([first.id])

      await change(username, cookies)
      // The next change is not sent: the stream ends instead.
      const second = openCharge(refs, `B-${label}-2`)
      await getDb().insertInto('charges').values(second).execute()
      publish({ kind: 'station', stationId })
      expect(await nextEvent(reader)).toEqual({ done: true })
    } finally {
      abort.abort()
    }
  })
})
