import { randomBytes } from 'node:crypto'

/*
 * The server under test proves it is the one this run started: the run passes RUN_TOKEN to it and
 * /api/health answers it back. Anything else on the port (a stale server, another suite's) answers
 * another token or none, and is refused rather than tested.
 */

export const newRunToken = () => randomBytes(8).toString('hex')

export type HealthCheck =
  | { state: 'ours' }
  | { state: 'down' }
  | { state: 'not-ready'; status: number }
  | { state: 'foreign'; token: string | null }

/** What answers /api/health at `baseUrl`: our server, another one, or nothing yet. */
export async function checkHealth(baseUrl: string, token: string): Promise<HealthCheck> {
  let res: Response
  try {
    res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })
  } catch {
    return { state: 'down' }
  }
  const body = (await res.json().catch(() => null)) as { run?: unknown } | null
  const run = typeof body?.run === 'string' ? body.run : null
  if (run !== null && run !== token) return { state: 'foreign', token: run }
  if (!res.ok) return { state: 'not-ready', status: res.status }
  return run === token ? { state: 'ours' } : { state: 'foreign', token: null }
}

/** Throws unless the server at `baseUrl` is the one started with `token`. */
export async function assertOurServer(baseUrl: string, token: string): Promise<void> {
  const health = await checkHealth(baseUrl, token)
  if (health.state !== 'ours') {
    throw new Error(
      `${baseUrl} is not the server this run started (expected run token ${token}; got ${JSON.stringify(health)})`,
    )
  }
}
