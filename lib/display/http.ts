import 'server-only'
import { cookies, headers } from 'next/headers'
import type { NextResponse } from 'next/server'
import { ensureDatabase } from '@/lib/db/migrate'
import { findDeviceByToken } from './devices'
import type { Device } from './types'

/* The tablet's credential as it travels: one httpOnly cookie, read and written only here. */

export const DEVICE_COOKIE = 'cashier_display'

/** Browsers cap a cookie's life at 400 days; the heartbeat renews it, so a tablet in use never expires. */
const MAX_AGE_SEC = 400 * 24 * 3600

/** HTTPS directly, or behind a proxy that terminates it and says so. */
export function isHttps(req: Request): boolean {
  const forwarded = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim()
  return forwarded ? forwarded === 'https' : new URL(req.url).protocol === 'https:'
}

export function setDeviceCookie(res: NextResponse, token: string, req: Request): void {
  res.cookies.set(DEVICE_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(req),
    maxAge: MAX_AGE_SEC,
  })
}

export function clearDeviceCookie(res: NextResponse): void {
  res.cookies.set(DEVICE_COOKIE, '', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 0 })
}

/** The credential this request carries, and the tablet it belongs to (null: pair first). */
export async function currentDevice(): Promise<{ token: string; device: Device } | null> {
  const token = (await cookies()).get(DEVICE_COOKIE)?.value
  if (!token) return null
  await ensureDatabase()
  const device = await findDeviceByToken(token)
  return device ? { token, device } : null
}

/** The client's address as the forwarding headers give it: a rate-limit key and an audit note. */
export async function clientIp(): Promise<string | null> {
  const h = await headers()
  const ip = h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip')?.trim()
  return ip ? ip.slice(0, 64) : null
}

/** Browsers' speculative prefetches must not spend a single-use code. */
export function isPrefetch(req: Request): boolean {
  const purpose = req.headers.get('sec-purpose') ?? req.headers.get('purpose') ?? ''
  return /prefetch|prerender/i.test(purpose)
}
