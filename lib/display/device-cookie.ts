import { isHttpsRequest } from '@/lib/server/address'

/* The tablet's credential as it travels: one httpOnly cookie. Its name and attributes live here only. */

export const DEVICE_COOKIE = 'cashier_display'

/** Browsers cap a cookie's life at 400 days; the heartbeat renews it, so a tablet in use never expires. */
const MAX_AGE_SEC = 400 * 24 * 3600

export interface CookieSpec {
  name: string
  value: string
  options: {
    path: string
    httpOnly: boolean
    sameSite: 'lax'
    secure: boolean
    maxAge: number
  }
}

export function deviceCookie(token: string, https: boolean): CookieSpec {
  return {
    name: DEVICE_COOKIE,
    value: token,
    options: { path: '/', httpOnly: true, sameSite: 'lax', secure: https, maxAge: MAX_AGE_SEC },
  }
}

export function clearedDeviceCookie(): CookieSpec {
  return {
    name: DEVICE_COOKIE,
    value: '',
    options: { path: '/', httpOnly: true, sameSite: 'lax', secure: false, maxAge: 0 },
  }
}

/** HTTPS directly, or behind a proxy that terminates it and says so. */
export function isHttps(req: Request): boolean {
  return isHttpsRequest(
    req.headers.get('x-forwarded-proto'),
    new URL(req.url).protocol === 'https:',
  )
}
