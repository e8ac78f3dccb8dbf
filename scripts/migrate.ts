/*
 * npm run migrate (tsx --conditions=react-server scripts/migrate.ts)
 * Applies pending database migrations and says which. The server and the other scripts also
 * migrate by themselves at start; this is for doing it ahead of time, or checking.
 */
import { closeDb, getDb } from '@/lib/db/connection'
import { migrate } from '@/lib/db/migrate'

try {
  const { applied, unknown } = await migrate(getDb())
  if (applied.length === 0) console.log('Database is up to date.')
  for (const name of applied) console.log(`applied ${name}`)
  if (unknown.length > 0) {
    console.warn(`warning: migrations from a newer version are recorded: ${unknown.join(', ')}`)
  }
} catch (err) {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`)
  process.exitCode = 1
} finally {
  await closeDb()
}
