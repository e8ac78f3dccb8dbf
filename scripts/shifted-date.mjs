// @ts-check
/*
 * A process's wall clock moved by an offset: Date (Date.now(), new Date(), Date()) reads the real
 * clock plus the offset, time flowing at its normal pace; timers and performance.now() are left
 * alone. One home for the two places that move a whole process's time: a server under test
 * (tests/support/clock-preload.mjs, the clock a test sets) and the demo history's past days
 * (scripts/demo-history.ts). The charge service and the DMS sandbox in that process read the same
 * Date, so they always agree on the time. Plain JavaScript: the preload runs before any loader.
 */

/**
 * Puts the shifted Date on globalThis, reading `offsetMs()` at every reading of the clock; returns
 * the function that puts the real Date back.
 * @param {() => number} offsetMs
 * @returns {() => void}
 */
export function shiftDate(offsetMs) {
  const RealDate = globalThis.Date
  const realNow = RealDate.now.bind(RealDate)
  const now = () => realNow() + offsetMs()
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length ? args : [now()], newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, prop, receiver) => (prop === 'now' ? now : Reflect.get(target, prop, receiver)),
  })
  return () => {
    globalThis.Date = RealDate
  }
}
