import 'server-only'
import { resolveLocale } from '@/lib/settings/repo'
import { LOCALE_COOKIE } from '@/lib/locale'
import { accessOf, staffUserFromCookies } from '@/lib/auth/staff-user'
import { refreshForPoll } from '@/lib/charges/refresh'
import { toChargeView } from '@/lib/charges/view'
import type { PollAnswer, PollRequest } from './types'

/** What the charge screen polls: the charge, brought up to date with DMS at most once per interval. */
export async function answerChargePoll(req: PollRequest, id: string): Promise<PollAnswer> {
  const access = accessOf(await staffUserFromCookies(req.cookies, req.https), 'charge:view')
  if (!access.ok) return { status: access.status, body: { error: access.error } }
  const charge = await refreshForPoll(id)
  if (!charge) return { status: 404, body: { error: 'not-found' } }
  return {
    status: 200,
    body: toChargeView(charge, await resolveLocale(req.cookies[LOCALE_COOKIE], { forPoll: true })),
  }
}
