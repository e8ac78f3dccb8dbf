import 'server-only'
import { PAY_WAYS, type DmsError, type PayWay, type ReceivingAccount } from '@/lib/dms/types'
import { getStation, setStationAccounts, type Station } from '@/lib/stations'
import { dms } from '@/lib/dms/client'

export type StationAccounts =
  | { ok: true; payerId: string; recieverId: string }
  | { ok: false; reason: 'no-station' }
  /** DMS has no usable payer, or no verified receiving account at all, for a fresh station. */
  | { ok: false; reason: 'no-account' }
  /** The station has receiving accounts, but none for this pay way: a manager must choose one. */
  | { ok: false; reason: 'no-account-for-way' }
  | { ok: false; reason: 'dms'; error: DmsError }

type Recievers = Record<PayWay, string | null>

/**
 * The old single account, split per pay way: into each pay way DMS lists it as taking, the others
 * left unset (a WeChat-only account under Alipay is what made "switch to Alipay" fail with 2006).
 * An account DMS no longer lists is unset everywhere: nobody can say which pay ways it takes.
 */
export function splitLegacyReciever(
  legacyId: string,
  current: Recievers,
  receivers: readonly ReceivingAccount[],
): Recievers {
  const listed = receivers.find((r) => r.id === legacyId)
  const pick = (way: PayWay) => current[way] ?? (listed?.payWays.includes(way) ? legacyId : null)
  return { SCAN_WEIXIN: pick('SCAN_WEIXIN'), SCAN_ALIPAY: pick('SCAN_ALIPAY') }
}

/** A station with no receiving account yet: per pay way, DMS's first verified account taking it. */
export function defaultRecievers(receivers: readonly ReceivingAccount[]): Recievers {
  const first = (way: PayWay) =>
    receivers.find((r) => r.verified && r.payWays.includes(way))?.id ?? null
  return { SCAN_WEIXIN: first('SCAN_WEIXIN'), SCAN_ALIPAY: first('SCAN_ALIPAY') }
}

/** Whether DMS must be asked: an unsplit old account, no payer, or no receiving account at all. */
function needsDms(s: Station): boolean {
  const none = PAY_WAYS.every((w) => s.recieverIds[w] === null)
  return s.legacyRecieverId !== null || s.payerId === null || none
}

/**
 * The payer and receiving account a station charges with for one pay way. A fresh station has none:
 * its defaults come from DMS (the payer of endpoint B, per pay way the first verified receiving
 * account of endpoint C that takes it), stored so that a new shop takes its first payment with no
 * setup. Once a station has accounts, DMS is not asked: a pay way with none is refused here, before
 * anything is recorded or sent, and the cashier is told to ask a manager.
 */
export async function stationAccounts(stationId: string, payWay: PayWay): Promise<StationAccounts> {
  let station = await getStation(stationId)
  if (!station) return { ok: false, reason: 'no-station' }
  if (needsDms(station)) {
    const filled = await fillFromDms(station)
    if (!filled.ok) return filled
    station = filled.station
  }
  const recieverId = station.recieverIds[payWay]
  if (!station.payerId) return { ok: false, reason: 'no-account' }
  if (recieverId) return { ok: true, payerId: station.payerId, recieverId }
  const none = PAY_WAYS.every((w) => station.recieverIds[w] === null)
  return { ok: false, reason: none ? 'no-account' : 'no-account-for-way' }
}

async function fillFromDms(
  station: Station,
): Promise<{ ok: true; station: Station } | { ok: false; reason: 'dms'; error: DmsError }> {
  const [payer, receivers] = await Promise.all([dms().getPayer(), dms().listReceivers()])
  if (!payer.ok) return { ok: false, reason: 'dms', error: payer.error }
  if (!receivers.ok) return { ok: false, reason: 'dms', error: receivers.error }
  const legacy = station.legacyRecieverId
  const recievers = legacy
    ? splitLegacyReciever(legacy, station.recieverIds, receivers.data)
    : PAY_WAYS.every((w) => station.recieverIds[w] === null)
      ? defaultRecievers(receivers.data)
      : station.recieverIds
  const payerId = station.payerId ?? (payer.data.active ? payer.data.id : null)
  const unchanged =
    !legacy &&
    payerId === station.payerId &&
    PAY_WAYS.every((w) => recievers[w] === station.recieverIds[w])
  if (unchanged) return { ok: true, station }
  const stored = await setStationAccounts(
    station.id,
    { payerId, recieverWeixinId: recievers.SCAN_WEIXIN, recieverAlipayId: recievers.SCAN_ALIPAY },
    undefined,
    undefined,
    legacy ?? undefined,
  )
  return { ok: true, station: stored }
}
