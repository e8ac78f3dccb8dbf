import 'server-only'
import type { Kysely } from 'kysely'
import { SYSTEM_ACTOR } from '@/lib/audit/types'
import { getDb } from '@/lib/db/connection'
import type { Database } from '@/lib/db/schema'
import { StationError } from './errors'
import { createStation, listStations } from './repo'
import { DEFAULT_STATION_NAME, type Station } from './schema'

/**
 * A fresh install gets one station, so the first charge needs no set-up. Returns the first
 * station (creating "前台 1" if there is none). Safe when two processes race: the loser's insert
 * hits the unique name and it reads the winner's row.
 */
export async function ensureDefaultStation(db: Kysely<Database> = getDb()): Promise<Station> {
  const existing = (await listStations(db))[0]
  if (existing) return existing
  try {
    return await createStation(DEFAULT_STATION_NAME, SYSTEM_ACTOR, db)
  } catch (err) {
    if (!(err instanceof StationError && err.code === 'duplicate_name')) throw err
    const winner = (await listStations(db))[0]
    if (!winner) throw err
    return winner
  }
}
