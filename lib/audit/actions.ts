import { normalizeAddress, UNKNOWN_ADDRESS } from '@/lib/server/address'

/*
 * Every action the audit log records, in one list; each has a sentence in both languages
 * (messages/<locale>/admin.json `audit.actions`), which a test walks.
 */
export const AUDIT_ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.sign-in-blocked',
  'user.create',
  'user.enable',
  'user.disable',
  'user.password_reset',
  'user.role',
  'user.sessions_end',
  'station.create',
  'station.rename',
  'station.accounts',
  'station.auto_print',
  'settings.update',
  'display.code-create',
  'display.pair',
  'display.revoke',
  'display.rename',
  'charges.export',
  'charge.settle',
  'handover.record',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/**
 * An address as the log shows it: the one parser's plain form (an IPv4 address as IPv6 shows it,
 * ::ffff:127.0.0.1, reads as the address people know); what is not an address is shown as stored.
 */
export function normaliseAddress(ip: string | null): string | null {
  if (!ip) return null
  const plain = normalizeAddress(ip)
  return plain === UNKNOWN_ADDRESS ? ip : plain
}
