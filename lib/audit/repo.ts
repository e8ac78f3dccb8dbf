import 'server-only'
import type { Kysely } from 'kysely'
import { getDb } from '@/lib/db/connection'
import type { AuditLogRow, Database } from '@/lib/db/schema'
import {
  AUDIT_ACTOR_KINDS,
  type AuditActor,
  type AuditActorKind,
  type AuditEntry,
  type AuditPage,
  type NewAuditEntry,
} from './types'

const MAX_PAGE = 200

function parseDetail(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

// A kind this version does not know (written by a newer one) reads as a staff member's: the name
// is then shown as recorded, never dressed up as the system's.
const kindOf = (text: string): AuditActorKind =>
  (AUDIT_ACTOR_KINDS as readonly string[]).includes(text) ? (text as AuditActorKind) : 'user'

function toEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorKind: kindOf(row.actor_kind),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    detail: parseDetail(row.detail),
    ip: row.ip,
  }
}

/** Appends one entry. Pass a transaction as `db` to make it part of the change it records. */
export async function recordAudit(
  entry: NewAuditEntry,
  db: Kysely<Database> = getDb(),
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at ?? Date.now(),
      actor_kind: entry.actorKind,
      actor_id: entry.actorId ?? null,
      actor_name: entry.actorName,
      action: entry.action,
      target: entry.target ?? null,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      ip: entry.ip ?? null,
    })
    .execute()
}

/** recordAudit with the actor's kind, id, name and ip filled in. */
export function recordAuditBy(
  actor: AuditActor,
  entry: Omit<NewAuditEntry, 'actorKind' | 'actorId' | 'actorName' | 'ip'>,
  db: Kysely<Database> = getDb(),
): Promise<void> {
  return recordAudit(
    { ...entry, actorKind: actor.kind, actorId: actor.id, actorName: actor.name, ip: actor.ip },
    db,
  )
}

/** Newest first, keyset-paged by id: pass the previous page's nextBefore to get older entries. */
export async function listAudit(
  opts: { before?: number | null; limit?: number } = {},
  db: Kysely<Database> = getDb(),
): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), MAX_PAGE)
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit + 1)
  if (opts.before != null) query = query.where('id', '<', opts.before)
  const rows = await query.execute()
  const page = rows.slice(0, limit).map(toEntry)
  const last = page.at(-1)
  return { entries: page, nextBefore: rows.length > limit && last ? last.id : null }
}
