import 'server-only'
import type BetterSqlite3 from 'better-sqlite3'
import type { Compilable, CompiledQuery, Kysely } from 'kysely'
import type { Database } from './schema'
import { sqliteLaneOf } from './sqlite-lane'

/*
 * A read that runs many times a second (what the polls look up by key), written in Kysely like any
 * query but compiled once. Under Next every promise is tracked for its async context, and a Kysely
 * query makes about twenty of them (builder, executor, driver, connection lock): ≈60 µs of a poll's
 * CPU per lookup. On SQLite, when no query or transaction holds the connection, a prepared read
 * runs as a prepared statement of its own, synchronously and atomically (one JavaScript thread):
 * it cannot land inside someone else's transaction. Otherwise — the connection busy, PostgreSQL, a
 * transaction handle — it goes through Kysely as any query, with the same SQL and parameters.
 */

class Slot {
  constructor(readonly index: number) {}
}

interface Compiled {
  query: CompiledQuery<unknown>
  /** For each parameter: the argument it takes (a number) or a constant of the query. */
  sources: readonly (number | { value: unknown })[]
}

/**
 * The read's own statement on a SQLite connection, in raw mode: better-sqlite3 then answers with
 * arrays, and the row object is built here with column names interned once. Built by
 * better-sqlite3, each row looked every column name up in V8's string table, which in a server
 * holding Next is large: that lookup, not SQLite, was most of a poll's database time.
 */
class RawRead {
  readonly #statement: BetterSqlite3.Statement<unknown[], unknown[]>
  readonly #names: string[]

  constructor(connection: BetterSqlite3.Database, sql: string) {
    this.#statement = connection.prepare<unknown[], unknown[]>(sql).raw(true)
    this.#names = this.#statement.columns().map((c) => c.name)
  }

  first(parameters: unknown[]): Record<string, unknown> | undefined {
    const values = this.#statement.get(parameters)
    if (!values) return undefined
    const row: Record<string, unknown> = {}
    for (let i = 0; i < this.#names.length; i++) row[this.#names[i]!] = values[i]
    return row
  }
}

/**
 * `build` gets placeholders for its arguments: it must use each one as a value of the query, as is
 * (compute bounds in the caller and pass them).
 */
export function preparedRead<A extends unknown[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): (db: Kysely<Database>, ...args: A) => Promise<R | undefined> {
  // One compiled form per database (SQLite and PostgreSQL spell parameters differently).
  const compiled = new WeakMap<Kysely<Database>, Compiled>()
  const raw = new WeakMap<BetterSqlite3.Database, RawRead>()
  const arity = build.length - 1

  function compile(db: Kysely<Database>): Compiled {
    let c = compiled.get(db)
    if (!c) {
      const slots = Array.from({ length: arity }, (_, i) => new Slot(i)) as unknown as A
      const query = build(db, ...slots).compile()
      const sources = query.parameters.map((p) => (p instanceof Slot ? p.index : { value: p }))
      // An argument computed with (`since - 1000`) is not a value Kysely can bind: refuse the query.
      for (let i = 0; i < arity; i++) {
        if (!sources.includes(i)) throw new Error(`preparedRead: argument ${i + 1} is not bound`)
      }
      c = { query, sources }
      compiled.set(db, c)
    }
    return c
  }

  return (db, ...args) => {
    const { query, sources } = compile(db)
    const parameters = sources.map((s) => (typeof s === 'number' ? args[s] : s.value))
    const lane = sqliteLaneOf(db)
    if (lane && !lane.turns.held) {
      try {
        let read = raw.get(lane.connection)
        if (!read) raw.set(lane.connection, (read = new RawRead(lane.connection, query.sql)))
        return Promise.resolve(read.first(parameters) as R | undefined)
      } catch (error) {
        return Promise.reject(error)
      }
    }
    return db
      .executeQuery<R>({ ...query, parameters } as CompiledQuery<R>)
      .then((result) => result.rows[0])
  }
}
