import 'server-only'
import { headers } from 'next/headers'
import type { AuditActor } from '@/lib/audit/types'
import type { StaffUser } from '@/lib/auth/session'

/**
 * The signed-in staff member as the audit log records them: by username (unique, like sign-in
 * entries) and the client's address. The address comes from the forwarding headers Next.js sets; it
 * helps a reader tell desks apart and is not a security control.
 */
export async function auditActor(user: StaffUser): Promise<AuditActor> {
  const h = await headers()
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim()
  const ip = forwarded || h.get('x-real-ip')?.trim() || null
  // An IPv4 client on a dual-stack socket shows as ::ffff:192.168.1.20; the plain form reads better.
  const plain = ip?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
  return { id: user.id, name: user.username, ip: plain ? plain.slice(0, 64) : null }
}
