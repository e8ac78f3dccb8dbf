import 'server-only'

export { getSettings, updateSettings } from './repo'
export * from './schema'
