'use client'

import { useEffect, useState } from 'react'
import { useServerOffset } from './server-offset'

/*
 * The countdown of a QR (cashier's charge screen, customer tablet) and of a pairing code: one
 * arithmetic and one clock, so every screen reads the same seconds, whatever the device's own clock
 * says. The deadline is on the server's clock; `offset` (server minus device) brings the device's
 * clock onto it.
 */

/** Whole seconds left until `deadline` at `now`, never below 0 (a second just begun counts). */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000))
}

/** "4:05": minutes and two-digit seconds. */
export function formatSeconds(total: number): string {
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${m}:${String(s).padStart(2, '0')}`
}

/** This device's clock, re-read every `intervalMs` (each tick re-renders only the caller). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/** Seconds left until `deadline` on the server's clock, re-read four times a second. */
export function useSecondsLeft(deadline: number, offset: number): number {
  return secondsLeft(deadline, useNow(250) + offset)
}

/** Seconds left until `deadline`, for a screen whose view comes in once. */
export function useCountdown(deadline: number, serverNow: number): number {
  return useSecondsLeft(deadline, useServerOffset(serverNow))
}

/**
 * The countdown's line: `running(time)` while time is left ("剩余时间 4:05"), `expired` after. The
 * caller says how it looks and which test hook it carries.
 */
export function Countdown({
  deadline,
  offset,
  running,
  expired,
  className,
  testId,
}: {
  deadline: number
  offset: number
  running: (time: string) => string
  expired: string
  className?: string
  testId?: string
}) {
  const seconds = useSecondsLeft(deadline, offset)
  return (
    <p data-testid={testId} className={className} suppressHydrationWarning>
      {seconds > 0 ? running(formatSeconds(seconds)) : expired}
    </p>
  )
}
