import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/*
 * The database contract shared by SQLite and PostgreSQL.
 * - Timestamps are integer milliseconds since the epoch (PG `bigint`, parsed back to a JS number).
 * - Money is integer fen. Never a float.
 * - DMS ids are TEXT: they are 19-digit numbers that a JS number would silently round.
 * - Booleans are integers 0/1 so both dialects read them the same way.
 * The literal unions below type the TEXT columns; the database itself does not check them, so that
 * adding a value later needs no table rebuild on SQLite.
 */

export type UserRole = 'cashier' | 'manager' | 'admin'

export type ChargeStatus =
  | 'creating'
  | 'pending'
  | 'paying'
  | 'paid'
  | 'failed'
  | 'closed'
  | 'refunded'
  | 'unknown'
  | 'refused'

export type EventActorType = 'user' | 'system' | 'dms' | 'display'

/** 0 or 1. */
export type Flag = 0 | 1

export interface ReceiptPrintsTable {
  id: Generated<number>
  charge_id: string
  printed_at: number
  /** The user id of who printed it. */
  printed_by: string
}

/**
 * Count and sum of charges per Beijing day, station, cashier, status and pay way, kept by triggers
 * on `charges` (migration 0013): the whole-set totals and the daily chart read this, not every charge.
 */
export interface ChargeDayTotalsTable {
  /** Beijing day number: days since 1970-01-01 in Beijing (beijingDayNumber). */
  day: number
  station_id: string
  cashier_id: string
  status: string
  pay_way: string
  count: number
  sum_fen: number
}

export interface UsersTable {
  id: string
  /** Always stored lower-cased; the unique index is on this value. */
  username: string
  display_name: string
  password_hash: string
  role: UserRole
  disabled: ColumnType<Flag, Flag | undefined, Flag>
  created_at: number
  updated_at: number
  last_login_at: number | null
  /** Raised to end every session made before (reset, disable, role change, sign out everywhere). */
  session_version: ColumnType<number, number | undefined, number>
}

export interface StationsTable {
  id: string
  name: string
  payer_id: string | null
  /**
   * Spelled as DMS spells it. The single account of before 0010, not yet split per pay way
   * (lib/charges/station-accounts.ts splits it, then clears it); NULL once split or set per way.
   */
  reciever_id: string | null
  /** 0/1: print a paid charge's receipt by itself on the cashier's screen. */
  auto_print_receipt: Generated<number>
  /** The receiving account per pay way (SCAN_WEIXIN, SCAN_ALIPAY); NULL = not set. */
  reciever_weixin_id: ColumnType<string | null, string | null | undefined, string | null>
  reciever_alipay_id: ColumnType<string | null, string | null | undefined, string | null>
  created_at: number
  updated_at: number
}

export interface ChargesTable {
  id: string
  bz_order: string
  amount_fen: number
  pay_way: string
  station_id: string
  cashier_id: string
  payer_id: string
  reciever_id: string
  status: ChargeStatus
  /**
   * Equals bz_order while the charge is open, NULL once terminal. A UNIQUE index on it is the
   * "one open charge per bill" rule, enforced by the database on both dialects.
   */
  open_bill: string | null
  biz_order_no: string | null
  order_no: string | null
  pay_info: string | null
  dms_expire_at: number | null
  /** The cashier's own timeout deadline. */
  expires_at: number
  cancel_requested_at: number | null
  cancel_requested_by: string | null
  paid_after_cancel: ColumnType<Flag, Flag | undefined, Flag>
  paid_at: number | null
  error_code: number | null
  error_message: string | null
  next_check_at: number | null
  check_failures: ColumnType<number, number | undefined, number>
  claim_until: number | null
  claim_owner: string | null
  /** Closes DMS refused in a row; the next one waits until close_retry_at. */
  close_failures: ColumnType<number, number | undefined, number>
  close_retry_at: number | null
  /** Raised by every change a screen can see (migration 0008). */
  version: ColumnType<number, number | undefined, number>
  /** A manager settled it by hand ('not-charged' | 'paid'); NULL when DMS settled it. */
  settled_outcome: ColumnType<string | null, string | null | undefined, string | null>
  /** A later DMS answer disagreed with the manager's settlement: needs attention. */
  settle_disputed: ColumnType<Flag, Flag | undefined, Flag>
  created_at: number
  updated_at: number
}

export interface ChargeEventsTable {
  id: Generated<number>
  charge_id: string
  at: number
  actor_type: EventActorType
  actor_id: string | null
  actor_name: string | null
  type: string
  from_status: ChargeStatus | null
  to_status: ChargeStatus | null
  dms_code: number | null
  dms_message: string | null
  /** JSON text. */
  detail: string | null
  /** How many times this same event happened in a row (DMS refusing again); 1 for most. */
  repeat_count: ColumnType<number, number | undefined, number>
  /** When it last happened, when repeat_count > 1. */
  last_at: number | null
}

export interface SettingsTable {
  key: string
  /** JSON text. */
  value: string
  updated_at: number
  updated_by: string
}

export interface AuditLogTable {
  id: Generated<number>
  at: number
  /** lib/audit/types.ts AUDIT_ACTOR_KINDS: who the actor is, whatever its name says. */
  actor_kind: string
  actor_id: string | null
  actor_name: string
  action: string
  target: string | null
  /** JSON text. */
  detail: string | null
  ip: string | null
}

export interface DevicesTable {
  id: string
  station_id: string
  name: string
  token_hash: string
  created_at: number
  last_seen_at: number | null
  revoked_at: number | null
}

export interface PairingCodesTable {
  code: string
  station_id: string
  expires_at: number
  used_at: number | null
  created_by: string
}

export interface RateLimitsTable {
  limit_key: string
  points: number
  expires_at: number
}

export interface DmsNotificationsTable {
  notify_id: string
  received_at: number
}

export interface HandoversTable {
  id: string
  station_id: string
  /** The cashier handing over, or '' for the whole station. */
  cashier_key: string
  /** The window, [window_from, window_to), epoch ms on charges.created_at. */
  window_from: number
  window_to: number
  handed_by: string
  handed_by_name: string
  created_at: number
  paid_count: number
  paid_fen: number
  /** JSON text: the ChargeTotals as they were when handed over. */
  totals: string
  /** The last charge_events id when the totals were read: the timeline's side of 交班. */
  events_through: Generated<number>
  /** JSON text: the LateChange list (late-changes.ts) frozen when handed over. */
  late_changes: Generated<string>
}

export interface SchemaMigrationsTable {
  name: string
  applied_at: number
}

/** Sessions signed out of before their token expired (lib/auth/ended-sessions.ts). */
export interface EndedSessionsTable {
  session_id: string
  /** The token's own expiry, epoch ms: after it the row is of no use. */
  expires_at: number
}

export interface Database {
  users: UsersTable
  stations: StationsTable
  charges: ChargesTable
  charge_events: ChargeEventsTable
  settings: SettingsTable
  audit_log: AuditLogTable
  devices: DevicesTable
  pairing_codes: PairingCodesTable
  rate_limits: RateLimitsTable
  dms_notifications: DmsNotificationsTable
  handovers: HandoversTable
  receipt_prints: ReceiptPrintsTable
  charge_day_totals: ChargeDayTotalsTable
  ended_sessions: EndedSessionsTable
  schema_migrations: SchemaMigrationsTable
}

export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type StationRow = Selectable<StationsTable>
export type ChargeRow = Selectable<ChargesTable>
export type NewChargeRow = Insertable<ChargesTable>
export type ChargeUpdate = Updateable<ChargesTable>
export type ChargeEventRow = Selectable<ChargeEventsTable>
export type NewChargeEventRow = Insertable<ChargeEventsTable>
export type AuditLogRow = Selectable<AuditLogTable>
export type DeviceRow = Selectable<DevicesTable>
export type PairingCodeRow = Selectable<PairingCodesTable>
