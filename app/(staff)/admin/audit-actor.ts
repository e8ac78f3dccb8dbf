import 'server-only'
import type { AuditActor } from '@/lib/audit/types'
import type { StaffUser } from '@/lib/auth/session'
import { requestClientAddress } from '@/lib/server/client-address'

/**
 * The signed-in staff member as the audit log records them: by username (unique, like sign-in
 * entries) and the client's address (lib/server/client-address.ts, the same one the limits use).
 */
export async function auditActor(user: StaffUser): Promise<AuditActor> {
  return { kind: 'user', id: user.id, name: user.username, ip: await requestClientAddress() }
}
