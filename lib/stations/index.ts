import 'server-only'

export { ensureDefaultStation } from './default-station'
export { StationError, type StationErrorCode } from './errors'
export { createStation, getStation, listStations, renameStation, setStationAccounts } from './repo'
export * from './schema'
