import { closeDb } from '@/lib/db/connection'

/** A mistake in how the command was called: printed with the usage. */
export class UsageError extends Error {}

/**
 * Runs a command-line tool's body the same way for every tool: a usage mistake prints the usage, a
 * domain error (one of `known`) prints its message, anything else its stack; the exit code is 1 on
 * any error, and the database is always closed so the process can end.
 */
export async function runCli(
  run: () => Promise<void>,
  usage: string,
  known: (abstract new (...args: never[]) => Error)[],
): Promise<void> {
  try {
    await run()
  } catch (err) {
    process.exitCode = 1
    if (err instanceof UsageError) console.error(`error: ${err.message}\n\n${usage}`)
    else if (known.some((k) => err instanceof k)) console.error(`error: ${(err as Error).message}`)
    // parseArgs rejects unknown options with a TypeError that already says which.
    else if (err instanceof TypeError && 'code' in err)
      console.error(`error: ${err.message}\n\n${usage}`)
    else console.error(err)
  } finally {
    await closeDb()
  }
}
