import 'server-only'

export { listAudit, recordAudit, recordAuditBy } from './repo'
export * from './types'
