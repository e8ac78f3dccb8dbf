import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { withStatementCache } from './statement-cache'

describe('withStatementCache', () => {
  let raw: BetterSqlite3.Database
  beforeEach(() => {
    raw = new BetterSqlite3(':memory:')
    raw.exec('create table t (id integer primary key, v text)')
    raw.prepare('insert into t (v) values (?), (?), (?)').run('a', 'b', 'c')
  })
  afterEach(() => raw.close())

  it('prepares each SQL text once and answers with the same statement', () => {
    const db = withStatementCache(raw)
    const first = db.prepare('select v from t where id = ?')
    expect(db.prepare('select v from t where id = ?')).toBe(first)
    expect(first.all([2])).toEqual([{ v: 'b' }])
    expect(db.prepare('select v from t where id = ?').all([3])).toEqual([{ v: 'c' }])
  })

  it('gives a statement of its own while the cached one is still iterating', () => {
    const db = withStatementCache(raw)
    const sql = 'select v from t order by id'
    const iterating = db.prepare(sql).iterate([])
    expect(iterating.next().value).toEqual({ v: 'a' })
    // The same query while the export-style iteration is open: a busy statement would throw here.
    expect(db.prepare(sql).all([])).toHaveLength(3)
    expect([...iterating]).toEqual([{ v: 'b' }, { v: 'c' }])
    expect(db.prepare(sql).all([])).toHaveLength(3)
  })

  it('keeps the cache bounded: ad-hoc SQL pushes the oldest statement out', () => {
    const db = withStatementCache(raw)
    const oldest = db.prepare('select 0')
    for (let i = 1; i <= 500; i++) db.prepare(`select ${i}`)
    expect(db.prepare('select 0')).not.toBe(oldest)
    expect(db.prepare('select 500').all([])).toEqual([{ 500: 500 }])
  })

  it('sees writes made after a statement was cached', () => {
    const db = withStatementCache(raw)
    const count = () => db.prepare('select count(*) as n from t').all([])
    expect(count()).toEqual([{ n: 3 }])
    db.prepare('insert into t (v) values (?)').run(['d'])
    expect(count()).toEqual([{ n: 4 }])
  })
})
