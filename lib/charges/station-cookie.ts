import 'server-only'
import { cookies } from 'next/headers'
import { requestIsHttps } from '@/lib/server/request-origin'
import { listStations } from '@/lib/stations/repo'
import type { Station } from '@/lib/stations/schema'

/** A front-desk browser remembers which station it is; this cookie holds the choice. */
export const STATION_COOKIE = 'cashier_station'

/**
 * Written only when the browser's station changes. Setting a cookie in a server action makes Next
 * render the whole page again into the action's answer (it cannot tell what the cookie changes):
 * writing it on every charge put a second server render before every QR (issue 14).
 */
export async function rememberStation(stationId: string): Promise<void> {
  const jar = await cookies()
  if (jar.get(STATION_COOKIE)?.value === stationId) return
  jar.set(STATION_COOKIE, stationId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: await requestIsHttps(),
    maxAge: 365 * 24 * 3600,
  })
}

/** The browser's station, or the first one when it has none (or its station was removed). */
export async function currentStation(): Promise<{ station: Station | null; stations: Station[] }> {
  const [stations, jar] = await Promise.all([listStations(), cookies()])
  const chosen = jar.get(STATION_COOKIE)?.value
  return { station: stations.find((s) => s.id === chosen) ?? stations[0] ?? null, stations }
}
