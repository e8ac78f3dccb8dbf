import { sql } from 'kysely'
import type { DialectName } from '../dialect'
import type { Migration } from './types'

/*
 * Part of migration 0013 (kept apart for its size): per-day totals of the charges, one row per
 * Beijing day, station, cashier, status and pay way, kept by triggers on `charges` in the same
 * transaction as the change, so they are never behind. Totals over all dates of a million charges
 * read the covering index of every charge (130–250 ms); a year of a shop is a few thousand rows here.
 * The day is the Beijing day number of created_at, by integer division of non-negative integers
 * (the same on both databases, as lib/charges/queries/daily.ts buckets days).
 */

type Db = Parameters<Migration['up']>[0]

const DAY = `(%.created_at + 28800000) / 86400000`
const KEY = ['day', 'station_id', 'cashier_id', 'status', 'pay_way'] as const
const TRACKED = 'status, amount_fen, station_id, cashier_id, pay_way, created_at'

const keyOf = (row: 'new' | 'old') =>
  `${DAY.replace('%', row)}, ${row}.station_id, ${row}.cashier_id, ${row}.status, ${row}.pay_way`

/** Adds (sign 1) or removes (sign -1) one charge's count and amount. */
function upsert(row: 'new' | 'old', sign: 1 | -1): string {
  return `insert into charge_day_totals (${KEY.join(', ')}, count, sum_fen)
    values (${keyOf(row)}, ${sign}, ${sign} * ${row}.amount_fen)
    on conflict (${KEY.join(', ')}) do update
    set count = charge_day_totals.count + excluded.count,
        sum_fen = charge_day_totals.sum_fen + excluded.sum_fen`
}

const sqliteTriggers = [
  `create trigger charge_day_totals_ai after insert on charges begin ${upsert('new', 1)}; end`,
  `create trigger charge_day_totals_ad after delete on charges begin ${upsert('old', -1)}; end`,
  `create trigger charge_day_totals_au after update of ${TRACKED} on charges begin
     ${upsert('old', -1)};
     ${upsert('new', 1)};
   end`,
]

/*
 * PostgreSQL: one trigger function. Two charges changing status at once may touch the same two
 * rows: each transaction takes them in key order, so they wait for each other but never deadlock.
 */
const pgFunction = `create function charge_day_totals_apply() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    ${upsert('new', 1)};
  elsif tg_op = 'DELETE' then
    ${upsert('old', -1)};
  elsif row(${keyOf('old')}) is distinct from row(${keyOf('new')}) or old.amount_fen <> new.amount_fen then
    if row(${keyOf('old')}) <= row(${keyOf('new')}) then
      ${upsert('old', -1)};
      ${upsert('new', 1)};
    else
      ${upsert('new', 1)};
      ${upsert('old', -1)};
    end if;
  end if;
  return null;
end
$$`

export async function createDayTotals(db: Db, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('charge_day_totals')
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('cashier_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pay_way', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addColumn('sum_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('charge_day_totals_pk', [...KEY])
    .execute()
  // The charges already there, then the triggers (the migration holds the write lock meanwhile).
  await sql
    .raw(
      `insert into charge_day_totals (${KEY.join(', ')}, count, sum_fen)
       select ${DAY.replace('%.', '')}, station_id, cashier_id, status, pay_way, count(*), sum(amount_fen)
       from charges group by 1, 2, 3, 4, 5`,
    )
    .execute(db)
  const statements =
    dialect === 'sqlite'
      ? sqliteTriggers
      : [
          pgFunction,
          `create trigger charge_day_totals_trg after insert or delete or update of ${TRACKED}
           on charges for each row execute function charge_day_totals_apply()`,
        ]
  for (const s of statements) await sql.raw(s).execute(db)
}
