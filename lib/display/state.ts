import 'server-only'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { refreshForPoll } from '@/lib/charges/refresh'
import { hasEventBy, insertEvent } from '@/lib/charges/repo-events'
import { isOpen } from '@/lib/charges/status'
import { newestEndedOfStation, newestOpenOfStation } from '@/lib/charges/station-charges'
import type { Charge } from '@/lib/charges/types'
import { getDb } from '@/lib/db/connection'
import type { Database } from '@/lib/db/schema'
import { MAX_CASHIER_TIMEOUT_SEC } from '@/lib/settings/schema'
import { settingsForPolls } from '@/lib/settings/repo'
import { STALE_OPEN_MS, TERMINAL_WINDOW_MS } from './constants'
import { touchDevice } from './devices'
import type { Device } from './types'
import { toDisplayView, type DisplayState } from './view'

export interface LoadedDisplayState {
  state: DisplayState
  /** The heartbeat was written on this call (the route renews the cookie then). */
  touched: boolean
  /** Server-side only (never sent): the open charge shown, which the tablet's stream keeps watched. */
  openChargeId: string | null
}

/**
 * One poll of a tablet (and the first render of its page): the station's current charge brought up
 * to date with DMS (never waiting long on it), reduced to what the customer may see. It is single-flight and claims
 * one DMS query per charge per interval, so tablets add no DMS load beyond the cashier's own screen.
 * Every call is a heartbeat.
 */
export async function loadDisplayState(device: Device): Promise<LoadedDisplayState> {
  const started = Date.now()
  const [found, settings] = await Promise.all([
    findDisplayCharge(device.stationId, started),
    settingsForPolls(started),
  ])
  const charge =
    found && isOpen(found.status)
      ? ((await refreshForPoll(found.id, { known: found })) ?? found)
      : found
  const now = Date.now()
  const state = toDisplayView(charge, {
    now,
    shopName: settings.shopName,
    locale: settings.language,
    buildId: buildId(),
  })
  const [touched] = await Promise.all([
    touchDevice(device, now),
    charge && state.charge?.qr ? markShownOnDisplay(charge.id, device, now) : null,
  ])
  return { state, touched, openChargeId: charge && isOpen(charge.status) ? charge.id : null }
}

/**
 * The one charge a station's tablet shows: the newest open charge of the station, unless a newer
 * one has just ended (within TERMINAL_WINDOW_MS), so "paid" / "closed" get their moment. An open
 * charge long past its deadline (STALE_OPEN_MS) no longer counts: its outcome is settled in the
 * background, and the customer it was for has gone. Null: the idle screen. The reads are the
 * charges owner's (lib/charges/station-charges.ts, prepared: this runs on every tablet poll).
 */
export async function findDisplayCharge(
  stationId: string,
  now: number,
  db: Kysely<Database> = getDb(),
): Promise<Charge | null> {
  const [open, ended] = await Promise.all([
    newestOpenOfStation(
      stationId,
      now - STALE_OPEN_MS,
      now - STALE_OPEN_MS - MAX_CASHIER_TIMEOUT_SEC * 1000,
      db,
    ),
    newestEndedOfStation(stationId, now - TERMINAL_WINDOW_MS, db),
  ])
  if (ended && (!open || ended.createdAt > open.createdAt)) return ended
  return open
}

export const SHOWN_EVENT = 'shown-on-display'

/*
 * "The customer's tablet showed this QR": one event per charge and tablet, the first time the tablet
 * receives the QR. The poll runs every second, so a small in-process memory answers the repeat
 * question without a query; the database check covers restarts and other processes.
 */
const remembered = new Set<string>()
const MAX_REMEMBERED = 2_000

/** Records the event unless it already exists. Returns true when it recorded it. */
export async function markShownOnDisplay(
  chargeId: string,
  device: Pick<Device, 'id' | 'name'>,
  now: number,
  db: Kysely<Database> = getDb(),
): Promise<boolean> {
  const key = `${chargeId}:${device.id}`
  if (remembered.has(key)) return false
  const existing = await hasEventBy(chargeId, SHOWN_EVENT, device.id, db)
  if (!existing) {
    const actor = { type: 'display' as const, id: device.id, name: device.name }
    await insertEvent(db, chargeId, { actor, type: SHOWN_EVENT }, now)
  }
  if (remembered.size >= MAX_REMEMBERED) remembered.clear()
  remembered.add(key)
  return !existing
}

let cachedBuildId: string | undefined

/**
 * The id of the build this server runs (.next/BUILD_ID, written by `next build`). Read once: a new
 * build on disk means nothing until the server restarts with it, and then this process is gone.
 * The tablet compares it with the one its page was rendered with and reloads when they differ.
 */
export function buildId(): string {
  if (cachedBuildId === undefined) {
    try {
      cachedBuildId = readFileSync(join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim() || 'dev'
    } catch {
      cachedBuildId = 'dev' // `next dev` before any build: nothing to compare, nothing to reload for
    }
  }
  return cachedBuildId
}
