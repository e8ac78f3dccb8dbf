/**
 * What kind of actor an entry records, stored beside the name so the log can say who it was in
 * words without trusting the name: a failed sign-in records whatever was typed, 'system' included.
 * - user: a signed-in staff member (the id is theirs, the name their username)
 * - sign-in: someone signing in who has not proved who they are; the name is as typed
 * - system: the cashier itself (a default station, accounts filled from DMS)
 * - seed: the demo set-up (`npm run seed`)
 * - cli: the command-line tools (scripts/user.ts, scripts/station.ts)
 * - display: a customer tablet (pairing itself, giving up an old pairing)
 */
export const AUDIT_ACTOR_KINDS = ['user', 'sign-in', 'system', 'seed', 'cli', 'display'] as const

export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number]

/** Who did something: a signed-in user (with an id), or one of the kinds above with no id. */
export interface AuditActor {
  kind: AuditActorKind
  id: string | null
  name: string
  /** The client's address, when the action came over HTTP. */
  ip?: string | null
}

export const CLI_ACTOR: AuditActor = { kind: 'cli', id: null, name: 'cli' }
export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, name: 'system' }
export const SEED_ACTOR: AuditActor = { kind: 'seed', id: null, name: 'seed' }

/** A customer tablet, from the address its request came from. */
export const displayActor = (ip: string | null): AuditActor => ({
  kind: 'display',
  id: null,
  name: 'display',
  ip,
})

export interface NewAuditEntry {
  actorKind: AuditActorKind
  actorId?: string | null
  actorName: string
  /** Dotted verb, e.g. 'user.create', 'settings.update'. */
  action: string
  /** What it was done to, e.g. 'user:bob', 'station:<id>'. */
  target?: string | null
  /** Any JSON-serialisable value. Never put secrets (passwords, tokens) here. */
  detail?: unknown
  ip?: string | null
  /** Defaults to now. */
  at?: number
}

export interface AuditEntry {
  id: number
  at: number
  actorKind: AuditActorKind
  actorId: string | null
  actorName: string
  action: string
  target: string | null
  detail: unknown
  ip: string | null
}

export interface AuditPage {
  entries: AuditEntry[]
  /** Pass as `before` for the next (older) page; null when this is the last page. */
  nextBefore: number | null
}
