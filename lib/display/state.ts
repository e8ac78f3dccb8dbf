import 'server-only'
import { refreshForPoll } from '@/lib/charges/refresh'
import { isOpen } from '@/lib/charges/status'
import { settingsForPolls } from '@/lib/settings/repo'
import { buildId } from './build-id'
import { touchDevice } from './devices'
import { markShownOnDisplay } from './shown-event'
import { findDisplayCharge } from './station-charge'
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
