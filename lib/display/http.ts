import 'server-only'
import { cookies } from 'next/headers'
import type { NextResponse } from 'next/server'
import { ensureDatabase } from '@/lib/db/migrate'
import { clearedDeviceCookie, DEVICE_COOKIE, deviceCookie, isHttps } from './device-cookie'
import { findDeviceByToken } from './devices'
import { isDeviceTokenShape } from './tokens'
import type { Device } from './types'

/* The tablet's credential in a Next request: read and written only here and in lib/polling. */

export function setDeviceCookie(res: NextResponse, token: string, req: Request): void {
  const c = deviceCookie(token, isHttps(req))
  res.cookies.set(c.name, c.value, c.options)
}

export function clearDeviceCookie(res: NextResponse): void {
  const c = clearedDeviceCookie()
  res.cookies.set(c.name, c.value, c.options)
}

/** The tablet a credential belongs to (null: pair first). */
export async function deviceOfToken(
  token: string | undefined,
): Promise<{ token: string; device: Device } | null> {
  // A missing or mangled cookie is no credential: no database work for it.
  if (!token || !isDeviceTokenShape(token)) return null
  await ensureDatabase()
  const device = await findDeviceByToken(token)
  return device ? { token, device } : null
}

/** The credential this request carries, and the tablet it belongs to (null: pair first). */
export async function currentDevice(): Promise<{ token: string; device: Device } | null> {
  return deviceOfToken((await cookies()).get(DEVICE_COOKIE)?.value)
}

/** Browsers' speculative prefetches must not spend a single-use code. */
export function isPrefetch(req: Request): boolean {
  const purpose = req.headers.get('sec-purpose') ?? req.headers.get('purpose') ?? ''
  return /prefetch|prerender/i.test(purpose)
}
