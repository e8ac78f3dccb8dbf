'use client'

import {
  memo,
  Suspense,
  use,
  type ComponentType,
  type FulfilledReactPromise,
  type PendingReactPromise,
  type ReactNode,
} from 'react'

/*
 * A part of a screen whose code is not in the page's first load: its chunk is fetched when the part
 * is first drawn, or earlier through `preload()` (the new-charge form preloads the charge screen's
 * parts, so they are in the browser before the cashier presses 生成收款码). Server rendering draws
 * it in full, and hydration keeps that HTML until the chunk is in: a page opened by its address
 * shows the part at once either way.
 *
 * The part waits in a Suspense of its own, behind a fallback the caller gives the part's final
 * size, so nothing moves when it arrives. Its load never fails: a chunk that cannot be fetched (a
 * flaky shop Wi-Fi) is asked for again when the browser is back online, or after a back-off of up
 * to 30 s, so a dropped connection never leaves an error screen behind, only a fallback that fills
 * in once the network is back.
 */

const FIRST_RETRY_MS = 500
const LAST_RETRY_MS = 30_000

/** A promise React's `use` reads at once when it has settled (no fallback for a loaded part). */
type Tracked<T> = Promise<T> & (PendingReactPromise<T> | FulfilledReactPromise<T>)

/** `load()` until it succeeds: again when the browser comes online, or after a growing wait. */
export function loadForever<T>(load: () => Promise<T>, wait = FIRST_RETRY_MS): Tracked<T> {
  const settled = new Promise<T>((resolve) => {
    const attempt = (delay: number) => {
      load().then(resolve, () => {
        const again = () => {
          clearTimeout(timer)
          if (typeof window !== 'undefined') window.removeEventListener('online', again)
          attempt(Math.min(delay * 2, LAST_RETRY_MS))
        }
        const timer = setTimeout(again, delay)
        if (typeof window !== 'undefined') window.addEventListener('online', again)
      })
    }
    attempt(wait)
  })
  const tracked = Object.assign(settled, { status: 'pending' }) as Tracked<T>
  void settled.then((value) => Object.assign(tracked, { status: 'fulfilled', value }))
  return tracked
}

export interface Deferred<P> {
  /** The part: its props, plus the fallback of its final size shown until its code is in. */
  Part: ComponentType<P & { fallback?: ReactNode }>
  /** Starts fetching the part's code (once); resolves when it is in. */
  preload: () => Promise<unknown>
}

/**
 * `load` gives the part's component, e.g. `() => import('./charge-qr').then((m) => m.ChargeQr)`.
 * The part is memoised on its props (shallowly, the fallback aside): a screen that re-draws with the same values does
 * not touch a part still waiting for its code, which would otherwise swap its server-drawn HTML for
 * the fallback.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): Deferred<P> {
  let loaded: Tracked<ComponentType<P>> | null = null
  const preload = () => (loaded ??= loadForever(load))
  function Loaded(props: P) {
    const Component = use(preload())
    return <Component {...props} />
  }
  function Part({ fallback = null, ...props }: P & { fallback?: ReactNode }) {
    return (
      <Suspense fallback={fallback}>
        <Loaded {...(props as P)} />
      </Suspense>
    )
  }
  return {
    Part: memo(Part, sameValues) as unknown as ComponentType<P & { fallback?: ReactNode }>,
    preload,
  }
}

/** Shallow equality of the part's own props; the fallback (drawn anew each time) does not count. */
function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a).filter((k) => k !== 'fallback')
  if (keys.length !== Object.keys(b).filter((k) => k !== 'fallback').length) return false
  return keys.every((k) => Object.is(a[k], b[k]))
}
