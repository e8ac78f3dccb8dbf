'use client'

import { useSyncExternalStore } from 'react'

const never = () => () => {}

/**
 * False in the server's HTML and while React hydrates it, true after. A button drawn by the server
 * in a part whose code is still on its way (components/ui/deferred.tsx) looks live but has no
 * handler yet, and React 19 does not replay a click made on a part it has not hydrated: such a
 * button is disabled until it can answer, rather than swallow the click.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  )
}
