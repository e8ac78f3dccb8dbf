import 'server-only'

export * from './constants'
export { activePairingCode, createPairingCode, redeemPairingCode, type PairResult } from './pairing'
export { findDeviceByToken, listStationDevices, revokeDevice, touchDevice } from './devices'
export {
  deviceLiveness,
  stationDisplayStatus,
  summarizeHeartbeats,
  type DisplayStatusSummary,
} from './heartbeat'
export { loadDisplayState } from './state'
export { formatPairingCode, normalizePairingCode } from './pairing-code'
export type { Device, PairingCode } from './types'
export * from './view'
