'use client'

import { useEffect, useState } from 'react'

/** This device's clock, re-read every `intervalMs` (each tick re-renders only the caller). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
