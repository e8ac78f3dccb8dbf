/*
 * State that must exist once per server process. Under `next start` the server bundles a module
 * more than once (instrumentation, each route handler's and page's bundle get a copy), so a plain
 * module-level Map is one per copy: a change published by one bundle never reached a screen
 * subscribed through another, and "one DMS query in flight per charge" held per copy, not per
 * process. Everything that must be shared by the whole process is kept here, under a registered
 * symbol, and made on first use by whichever copy runs first.
 */
export function processWide<T>(name: string, make: () => T): T {
  const key = Symbol.for(`dms-cashier.${name}`)
  const holder = globalThis as unknown as Record<symbol, T | undefined>
  return (holder[key] ??= make())
}
