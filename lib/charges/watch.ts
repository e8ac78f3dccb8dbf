import 'server-only'
import { processWide } from '@/lib/server/process-wide'
import { refreshForPoll } from './refresh'
import { isTerminal } from './status'

/*
 * While any screen in this process is subscribed to an open charge, its state is brought up to date
 * with DMS by this one timer, not by the screens: however many watch, it is one watcher per charge,
 * and refreshForPoll's claim keeps it to one DMS query per charge per interval across processes.
 * The timer only looks (one prepared read) every TICK_MS; it queries when the interval's claim has
 * run out, so a payment with no notification shows within about the interval plus a tick.
 * A change it finds is published by the repository like any other, and the screens re-read it.
 */
const TICK_MS = 200

/** One watcher per charge in the whole process, whichever bundle's stream asked (process-wide.ts). */
const watched = processWide(
  'charge-watchers',
  () => new Map<string, { count: number; timer: NodeJS.Timeout; busy: boolean }>(),
)

/** Starts watching (or joins the watch of) a charge; returns the release. */
export function watchCharge(id: string): () => void {
  let w = watched.get(id)
  if (!w) {
    const entry = { count: 0, busy: false, timer: undefined as unknown as NodeJS.Timeout }
    const tick = async () => {
      if (entry.busy) return
      entry.busy = true
      try {
        const charge = await refreshForPoll(id)
        if (!charge || isTerminal(charge.status)) clearInterval(entry.timer)
      } catch (error) {
        console.error(`watch: charge ${id} could not be refreshed`, error)
      } finally {
        entry.busy = false
      }
    }
    entry.timer = setInterval(() => void tick(), TICK_MS)
    entry.timer.unref()
    w = entry
    watched.set(id, w)
    void tick()
  }
  w.count++
  let released = false
  const entry = w
  return () => {
    if (released) return
    released = true
    if (--entry.count === 0) {
      clearInterval(entry.timer)
      watched.delete(id)
    }
  }
}

/** Charges with a watcher in this process (tests: back to 0 when the screens have gone). */
export function watchedCharges(): number {
  return watched.size
}
