import 'server-only'
import { env } from '@/lib/env'
import { refreshCharge } from './refresh'
import { listDue } from './repo-checks'

const state = globalThis as unknown as { __chargeSweep?: NodeJS.Timeout }

/**
 * Reconciles the charges nobody is watching (closed tabs, unknown outcomes) and closes expired ones.
 * Each charge is claimed in the database before it is checked, so two processes never handle the
 * same charge in the same interval.
 */
export async function sweepOnce(limit = 50): Promise<number> {
  const due = await listDue(Date.now(), limit)
  for (const charge of due) {
    try {
      await refreshCharge(charge.id)
    } catch (error) {
      console.error(`sweep: charge ${charge.id} could not be checked`, error)
    }
  }
  return due.length
}

export function startSweep(): void {
  if (state.__chargeSweep) return
  let running = false
  state.__chargeSweep = setInterval(() => {
    if (running) return
    running = true
    sweepOnce()
      .catch((error) => console.error('sweep failed', error))
      .finally(() => {
        running = false
      })
  }, env().sweepIntervalMs)
  state.__chargeSweep.unref()
}
