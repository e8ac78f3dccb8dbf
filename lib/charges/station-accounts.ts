import 'server-only'
import type { DmsError, PayWay } from '@/lib/dms/types'
import { getStation, setStationAccounts } from '@/lib/stations'
import { dms } from './dms-client'

export type StationAccounts =
  | { ok: true; payerId: string; recieverId: string }
  | { ok: false; reason: 'no-station' }
  | { ok: false; reason: 'no-account' }
  | { ok: false; reason: 'dms'; error: DmsError }

/**
 * The payer and receiving account a station charges with. A fresh station has none: its defaults come
 * from DMS (the payer of endpoint B, the first verified receiving account of endpoint C that takes the
 * pay way), and are stored so that a new shop takes its first payment with no setup.
 */
export async function stationAccounts(stationId: string, payWay: PayWay): Promise<StationAccounts> {
  const station = await getStation(stationId)
  if (!station) return { ok: false, reason: 'no-station' }
  if (station.payerId && station.recieverId) {
    return { ok: true, payerId: station.payerId, recieverId: station.recieverId }
  }
  const [payer, receivers] = await Promise.all([dms().getPayer(), dms().listReceivers()])
  if (!payer.ok) return { ok: false, reason: 'dms', error: payer.error }
  if (!receivers.ok) return { ok: false, reason: 'dms', error: receivers.error }
  const receiver =
    receivers.data.find((r) => r.verified && r.payWays.includes(payWay)) ??
    receivers.data.find((r) => r.verified)
  const payerId = station.payerId ?? (payer.data.active ? payer.data.id : null)
  const recieverId = station.recieverId ?? receiver?.id ?? null
  if (!payerId || !recieverId) return { ok: false, reason: 'no-account' }
  await setStationAccounts(stationId, { payerId, recieverId })
  return { ok: true, payerId, recieverId }
}
