/*
 * Loaded with `node --import` into a server under test (tests/support/clock.ts sets NODE_OPTIONS),
 * never by the app itself. Shifts this process's wall clock (Date) by the offset written in
 * TEST_CLOCK_FILE, and follows later changes to that file; time keeps flowing at its normal pace.
 * Each process acknowledges the version it applied in `<file>.ack-<pid>`, so whoever moves the clock
 * can wait until every live process has moved. Timers and performance.now() are left alone.
 */
import { readFileSync, watch, writeFileSync } from 'node:fs'
import { shiftDate } from '../../scripts/shifted-date.mjs'

const file = process.env.TEST_CLOCK_FILE
if (file) {
  let offset = 0
  const load = () => {
    try {
      const state = JSON.parse(readFileSync(file, 'utf8'))
      offset = state.offsetMs
      writeFileSync(`${file}.ack-${process.pid}`, String(state.version))
    } catch {
      // Half-written: the write that follows brings another change event.
    }
  }
  load()
  watch(file, load).unref()
  shiftDate(() => offset)
}
