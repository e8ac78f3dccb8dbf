import 'server-only'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

let cached: string | undefined

/**
 * The id of the build this server runs (.next/BUILD_ID, written by `next build`). Read once: a new
 * build on disk means nothing until the server restarts with it, and then this process is gone.
 * The tablet compares it with the one its page was rendered with and reloads when they differ.
 */
export function buildId(): string {
  if (cached === undefined) {
    try {
      cached = readFileSync(join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim() || 'dev'
    } catch {
      cached = 'dev' // `next dev` before any build: nothing to compare, nothing to reload for
    }
  }
  return cached
}
