import 'server-only'
import { getDb } from '@/lib/db'
import { toCharge } from './rows'
import { OPEN_STATUSES } from './status'
import type { Charge } from './types'

/*
 * The charges table's check bookkeeping, beside repo.ts: who holds the claim on a charge's next DMS
 * query (one per charge per interval, across processes), when the sweep looks again, and a refused
 * close's back-off. None of it is a change a screen sees, so none of it raises the version.
 */

/** A close DMS refused: counted, and the next one put off until `retryAt` (backoff.ts). */
export async function recordCloseFailure(id: string, failures: number, retryAt: number) {
  await getDb()
    .updateTable('charges')
    .set({ close_failures: failures, close_retry_at: retryAt })
    .where('id', '=', id)
    .execute()
}

/**
 * The cross-process half of "one DMS query per charge per interval": whoever sets claim_until first
 * owns the next check; everyone else reads the stored state.
 */
export async function claimCheck(id: string, owner: string, now: number, until: number) {
  const res = await getDb()
    .updateTable('charges')
    .set({ claim_until: until, claim_owner: owner })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('claim_until', 'is', null), eb('claim_until', '<=', now)]))
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Marks a claim taken by a notification (takeNotifiedClaim). */
export const NOTIFIED_CLAIM = ':notified'

/**
 * A notification's claim: taken over a periodic check's claim (a notified payment shows at once),
 * never over another notification's (a flood of them buys no more than one query per interval).
 */
export async function takeNotifiedClaim(id: string, owner: string, now: number, until: number) {
  const res = await getDb()
    .updateTable('charges')
    .set({ claim_until: until, claim_owner: `${owner}${NOTIFIED_CLAIM}` })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('claim_until', 'is', null),
        eb('claim_until', '<=', now),
        eb('claim_owner', 'is', null),
        eb('claim_owner', 'not like', `%${NOTIFIED_CLAIM}`),
      ]),
    )
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function scheduleCheck(id: string, nextCheckAt: number, failures: number) {
  await getDb()
    .updateTable('charges')
    .set({ next_check_at: nextCheckAt, check_failures: failures })
    .where('id', '=', id)
    .execute()
}

/** Open charges whose next check is due and that no process holds a claim on. */
export async function listDue(now: number, limit: number): Promise<Charge[]> {
  const rows = await getDb()
    .selectFrom('charges')
    .selectAll()
    .where('status', 'in', [...OPEN_STATUSES])
    .where((eb) => eb.or([eb('next_check_at', 'is', null), eb('next_check_at', '<=', now)]))
    .where((eb) => eb.or([eb('claim_until', 'is', null), eb('claim_until', '<=', now)]))
    .orderBy('next_check_at')
    .limit(limit)
    .execute()
  return rows.map(toCharge)
}
