import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { clockEnv } from './clock'
import { assertPortFree, freePort, portInUse } from './ports'
import { checkHealth, newRunToken } from './run-token'

/*
 * A production server under test (run `npx next build` first), started the way the end-to-end suite
 * starts its own (scripts/e2e-server.sh): a fresh database and sandbox state in a data folder of its
 * own, ports picked free unless given, and a run token it must answer on /api/health before it is
 * trusted — so a stale server on the port fails the run instead of being measured.
 */

export const BENCH_AUTH_SECRET = 'bench-auth-secret-that-is-long-enough-0123'
export const BENCH_NOTIFY_SECRET = 'bench-notify-secret-0123456789'

export interface ServerOptions {
  /** Default: a free port. A given one must be free. */
  port?: number
  /** Where start.ts runs its sandbox (default: a free port); ignored when `dms` is given. */
  sandboxPort?: number
  /** Default: data/runs/<name>-<run token>, a folder no other run uses. */
  dataDir?: string
  /** Names the default data folder and the errors. */
  name?: string
  env?: Record<string, string>
  /** Restart on the data left by an earlier run (e.g. after a SIGKILL) instead of wiping it. */
  keepData?: boolean
  /** Seed the demo users and station (default true); false for a second instance on a shared database. */
  seed?: boolean
  /** Talk to this DMS (another instance's or the benchmark's own sandbox) instead of starting one. */
  dms?: { baseUrl: string; token: string }
  /** The server's wall clock starts at this epoch ms (tests/support/clock.ts; moved with setClock). */
  clockAt?: number
}

export interface RunningServer {
  baseUrl: string
  port: number
  /** The DMS this server talks to: its own sandbox, or `opts.dms`. */
  sandboxUrl: string
  dataDir: string
  /** What it answers on /api/health. */
  runToken: string
  /** The file that moves its clock (setClock), when started with `clockAt`. */
  clockFile: string | null
  /** The process group: the shell, start.ts (and its sandbox) and `next start`. */
  pgid: number
  /** The last lines the server printed, for error messages. */
  log(): string
  /** SIGTERM to the whole group, as a supervisor would; SIGKILL if it has not gone after 10 s. */
  stop(opts?: { removeData?: boolean }): Promise<void>
  /** SIGKILL to the whole group: a crash, with no chance to clean up. */
  kill(): Promise<void>
}

const LOG_LIMIT = 500_000

export async function startAppServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const name = opts.name ?? 'server'
  const port = opts.port ?? (await freePort())
  if (opts.port !== undefined) await assertPortFree(port, name)
  const sandboxPort = opts.dms ? null : (opts.sandboxPort ?? (await freePort()))
  if (opts.sandboxPort !== undefined && !opts.dms) await assertPortFree(opts.sandboxPort, name)
  const runToken = newRunToken()
  const dataDir = opts.dataDir ?? `data/runs/${name}-${runToken}`
  mkdirSync(dataDir, { recursive: true })
  const clockDir = `${dataDir}.clock`
  const clockFile = opts.clockAt === undefined ? null : `${clockDir}/clock.json`
  if (clockFile) mkdirSync(clockDir, { recursive: true })
  const dmsEnv: Record<string, string> = opts.dms
    ? { DMS_BASE_URL: opts.dms.baseUrl, DMS_TOKEN: opts.dms.token }
    : { SANDBOX_PORT: String(sandboxPort) }
  const child: ChildProcess = spawn('bash', ['scripts/e2e-server.sh'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // Always a sandbox here (start.ts's own, or the benchmark's).
      DMS_SANDBOX: '1',
      PORT: String(port),
      RUN_DATA_DIR: dataDir,
      RUN_TOKEN: runToken,
      KEEP_DATA: opts.keepData ? '1' : '0',
      SEED: opts.seed === false ? '0' : '1',
      AUTH_SECRET: BENCH_AUTH_SECRET,
      DMS_NOTIFY_SECRET: BENCH_NOTIFY_SECRET,
      ...dmsEnv,
      ...(clockFile ? clockEnv(clockFile, opts.clockAt!) : {}),
      ...opts.env,
    },
  })
  let log = ''
  const append = (d: Buffer) => {
    log = (log + d.toString()).slice(-LOG_LIMIT)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const pgid = child.pid!
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pgid, sig)
    } catch {
      // Already gone.
    }
  }
  const gone = (ms: number) =>
    Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(r, ms, false))])

  // The shell exits before its grandchildren: a stop or kill is done when the ports are free again
  // (the sandbox's too: a restart on the same ports must find them free).
  const released = async () => {
    const deadline = Date.now() + 10_000
    for (const p of sandboxPort === null ? [port] : [port, sandboxPort]) {
      while ((await portInUse(p)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50))
      }
    }
  }

  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    const health = await checkHealth(baseUrl, runToken)
    if (health.state === 'ours') break
    if (health.state === 'foreign' || Date.now() > deadline || child.exitCode !== null) {
      signal('SIGKILL')
      const why =
        health.state === 'foreign'
          ? `port ${port} is answered by another server (run token ${health.token ?? 'none'}, not ${runToken})`
          : `did not start`
      throw new Error(`${name} on ${port}: ${why}\n${log.slice(-5_000)}`)
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    baseUrl,
    port,
    sandboxUrl: opts.dms?.baseUrl ?? `http://127.0.0.1:${sandboxPort}`,
    dataDir,
    runToken,
    clockFile,
    pgid,
    log: () => log,
    async stop({ removeData = false } = {}) {
      signal('SIGTERM')
      if (!(await gone(10_000))) signal('SIGKILL')
      await released()
      if (removeData) {
        rmSync(dataDir, { recursive: true, force: true })
        rmSync(clockDir, { recursive: true, force: true })
      }
    },
    async kill() {
      signal('SIGKILL')
      await gone(5_000)
      await released()
    },
  }
}
