/** Who did something: a signed-in user, or a named tool ('cli', 'seed', 'system') with no id. */
export interface AuditActor {
  id: string | null
  name: string
  /** The client's address, when the action came over HTTP. */
  ip?: string | null
}

export const CLI_ACTOR: AuditActor = { id: null, name: 'cli' }
export const SYSTEM_ACTOR: AuditActor = { id: null, name: 'system' }

export interface NewAuditEntry {
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
