import 'server-only'
import { resolveLocale } from '@/lib/settings/repo'
import { LOCALE_COOKIE } from '@/lib/locale'
import { accessOf, staffRecheck, staffUserFromCookies } from '@/lib/auth/staff-user'
import { getCharge } from '@/lib/charges/repo'
import { isOpen } from '@/lib/charges/status'
import type { Charge } from '@/lib/charges/types'
import { toChargeView } from '@/lib/charges/view'
import { watchCharge } from '@/lib/charges/watch'
import { chargeTopic } from '@/lib/feed/feed'
import { sseResponse } from '@/lib/feed/sse'
import type { PollRequest, StreamAnswer } from './types'

// A change fanned out to every screen on one charge costs one read, not one per screen.
const reading = new Map<string, Promise<Charge | null>>()
function sharedRead(id: string): Promise<Charge | null> {
  let p = reading.get(id)
  if (!p) {
    p = getCharge(id).finally(() => reading.delete(id))
    reading.set(id, p)
  }
  return p
}

/**
 * The charge screen's subscription: the charge now, then again whenever it changes. While it is
 * open the process's one watcher for it keeps it up to date with DMS (lib/charges/watch.ts).
 */
export async function answerChargeStream(req: PollRequest, id: string): Promise<StreamAnswer> {
  const access = accessOf(await staffUserFromCookies(req.cookies, req.https), 'charge:view')
  if (!access.ok) return { status: access.status, body: { error: access.error } }
  const first = await getCharge(id)
  if (!first) return { status: 404, body: { error: 'not-found' } }
  const locale = await resolveLocale(req.cookies[LOCALE_COOKIE], { forPoll: true })
  const release = isOpen(first.status) ? watchCharge(id) : () => {}
  let sent = -1
  const stream = sseResponse({
    signal: req.signal,
    topics: [chargeTopic(id)],
    onClose: release,
    recheck: staffRecheck(req, 'charge:view'),
    async read(cause) {
      const charge = cause === 'start' ? first : await sharedRead(id)
      if (!charge) return 'end'
      // A resync re-reads everything; only a newer version is worth sending.
      if (charge.version <= sent && cause !== 'start') return null
      sent = charge.version
      return toChargeView(charge, locale)
    },
  })
  return { stream }
}
