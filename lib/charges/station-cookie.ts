import 'server-only'
import { cookies } from 'next/headers'
import { requestIsHttps } from '@/lib/server/request-origin'
import { listStations } from '@/lib/stations/repo'
import type { Station } from '@/lib/stations/schema'

/** A front-desk browser remembers which station it is; this cookie holds the choice. */
export const STATION_COOKIE = 'cashier_station'

export async function rememberStation(stationId: string): Promise<void> {
  ;(await cookies()).set(STATION_COOKIE, stationId, {
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
