import { afterAll, beforeAll } from 'vitest'
import { closeDb } from '@/lib/db/connection'
import { overrideEnv } from '@/lib/env'
import type { DialectTarget, TestDatabase } from './targets'

/**
 * For one describe block: the target's fresh database becomes the app's own (what `getDb()` opens),
 * with `env` set beside it, and both are put back after. The app's connection is closed on either
 * side, so no other block's database leaks in or out. Returns the database, once opened.
 */
export function useAsAppDatabase(
  target: DialectTarget,
  env: Record<string, string>,
): () => TestDatabase {
  let t: TestDatabase | undefined
  let restore = () => {}
  beforeAll(async () => {
    t = await target.open()
    restore = overrideEnv({ ...t.childEnv, ...env })
    await closeDb()
  })
  afterAll(async () => {
    await closeDb()
    restore()
    await t?.close()
  })
  return () => t!
}
