'use client'

import { useEffect } from 'react'

/**
 * Keeps the screen on while the page is visible, where the browser allows it (Screen Wake Lock API:
 * HTTPS or localhost only; Chrome, Edge, Safari 16.4+). The lock is dropped whenever the page is
 * hidden, so it is taken again on every return to view, and on a touch in case the browser wanted
 * a gesture. Where it is not allowed the tablet's own "never sleep" setting has to do.
 */
export function useWakeLock(): void {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return
    let sentinel: WakeLockSentinel | null = null
    let stopped = false
    const acquire = async () => {
      if (stopped || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) {
        return
      }
      try {
        sentinel = await navigator.wakeLock.request('screen')
      } catch {
        // Refused (battery saver, policy, no gesture yet): try again on the next chance.
      }
    }
    void acquire()
    document.addEventListener('visibilitychange', acquire)
    window.addEventListener('pointerdown', acquire)
    return () => {
      stopped = true
      document.removeEventListener('visibilitychange', acquire)
      window.removeEventListener('pointerdown', acquire)
      void sentinel?.release().catch(() => {})
    }
  }, [])
}
