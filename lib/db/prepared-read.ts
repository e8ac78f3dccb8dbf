import 'server-only'
import type { Compilable, CompiledQuery, Kysely } from 'kysely'
import type { Database } from './schema'
import { sqliteLaneOf } from './sqlite-lane'

/*
 * A read that runs many times a second (what the polls look up by key), written in Kysely like any
 * query but compiled once. Under Next every promise is tracked for its async context, and a Kysely
 * query makes about twenty of them (builder, executor, driver, connection lock): ≈60 µs of a poll's
 * CPU per lookup. On SQLite, when no query or transaction holds the connection, a prepared read
 * runs as the cached prepared statement, synchronously and atomically (one JavaScript thread):
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
 * `build` gets placeholders for its arguments: it must use each one as a value of the query, as is
 * (compute bounds in the caller and pass them).
 */
export function preparedRead<A extends unknown[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): (db: Kysely<Database>, ...args: A) => Promise<R | undefined> {
  // One compiled form per database (SQLite and PostgreSQL spell parameters differently).
  const compiled = new WeakMap<Kysely<Database>, Compiled>()
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
        return Promise.resolve(lane.statements.prepare(query.sql).all(parameters)[0] as R)
      } catch (error) {
        return Promise.reject(error)
      }
    }
    return db
      .executeQuery<R>({ ...query, parameters } as CompiledQuery<R>)
      .then((result) => result.rows[0])
  }
}
