import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { overrideEnv } from '@/lib/env'
import { closeDb, getDb } from './connection'
import { ensureDatabase } from './migrate'

describe('the process-wide database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cashier-env-'))
  let restoreEnv = () => {}
  beforeAll(() => {
    restoreEnv = overrideEnv({
      DATABASE_URL: undefined,
      SQLITE_PATH: join(dir, 'nested', 'dir', 'cashier.db'),
    })
  })
  afterAll(async () => {
    await closeDb()
    restoreEnv()
    rmSync(dir, { recursive: true, force: true })
  })

  it('opens SQLITE_PATH (creating its directory), migrates once, and is a singleton', async () => {
    const [a, b] = await Promise.all([ensureDatabase(), ensureDatabase()])
    expect(a).toBe(b)
    expect(getDb()).toBe(a)
    const rows = await a.selectFrom('schema_migrations').select('name').execute()
    expect(rows.length).toBeGreaterThan(0)
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(a)
    expect(mode.rows[0]?.journal_mode).toBe('wal')
  })

  it('opens a fresh one after closeDb', async () => {
    const before = getDb()
    await closeDb()
    const after = await ensureDatabase()
    expect(after).not.toBe(before)
  })
})
