import Database from 'better-sqlite3'
import { E2E } from './config'

/*
 * A read-only look at the e2e server's database (SQLite, see scripts/e2e-server.sh), to prove that a
 * refused request changed nothing at all, not only the thing the page happens to show. Columns that
 * move by themselves (heartbeats, polling claims, last sign-in) are left out.
 */

const QUERIES = {
  users:
    'select id, username, display_name, password_hash, role, disabled, session_version from users order by id',
  stations:
    'select id, name, payer_id, reciever_id, reciever_weixin_id, reciever_alipay_id from stations order by id',
  settings: 'select key, value from settings order by key',
  charges:
    'select id, bz_order, amount_fen, pay_way, station_id, status, cancel_requested_at from charges order by id',
  chargeEvents: 'select count(*) as n from charge_events',
  devices: 'select id, station_id, revoked_at from devices order by id',
  pairingCodes: 'select code, station_id, expires_at, used_at from pairing_codes order by code',
  audit: 'select count(*) as n from audit_log',
  handovers: 'select id, station_id, window_from, window_to, paid_fen from handovers order by id',
} as const

export type DbSnapshot = Record<keyof typeof QUERIES, unknown[]>

export function dbSnapshot(): DbSnapshot {
  const db = new Database(`${E2E.dataDir}/cashier.db`, { readonly: true, fileMustExist: true })
  try {
    const entries = Object.entries(QUERIES).map(([name, sql]) => [name, db.prepare(sql).all()])
    return Object.fromEntries(entries) as DbSnapshot
  } finally {
    db.close()
  }
}
