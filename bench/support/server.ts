import { spawn, type ChildProcess } from 'node:child_process'

export const BENCH_AUTH_SECRET = 'bench-auth-secret-that-is-long-enough-0123'
export const BENCH_NOTIFY_SECRET = 'bench-notify-secret-0123456789'

export interface ServerOptions {
  port: number
  /** Where start.ts runs its sandbox; ignored when `dms` is given. */
  sandboxPort?: number
  dataDir: string
  env?: Record<string, string>
  /** Restart on the data left by an earlier run (e.g. after a SIGKILL) instead of wiping it. */
  keepData?: boolean
  /** Seed the demo users and station (default true); false for a second instance on a shared database. */
  seed?: boolean
  /** Talk to this DMS (another instance's or the benchmark's own sandbox) instead of starting one. */
  dms?: { baseUrl: string; token: string }
}

export interface RunningServer {
  baseUrl: string
  /** The DMS this server talks to: its own sandbox, or `opts.dms`. */
  sandboxUrl: string
  /** The process group: the shell, start.ts (and its sandbox) and `next start`. */
  pgid: number
  /** The last lines the server printed, for error messages. */
  log(): string
  /** SIGTERM to the whole group, as a supervisor would; SIGKILL if it has not gone after 10 s. */
  stop(): Promise<void>
  /** SIGKILL to the whole group: a crash, with no chance to clean up. */
  kill(): Promise<void>
}

const LOG_LIMIT = 500_000

/**
 * Starts the production build (run `npx next build` first) with a fresh database, the same way the
 * end-to-end tests do, on ports of its own. Detached, so the whole group can be signalled at once.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const dmsEnv: Record<string, string> = opts.dms
    ? { DMS_BASE_URL: opts.dms.baseUrl, DMS_TOKEN: opts.dms.token }
    : { SANDBOX_PORT: String(opts.sandboxPort ?? opts.port + 1000) }
  const child: ChildProcess = spawn('bash', ['scripts/e2e-server.sh'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // Always a sandbox here (start.ts's own, or the benchmark's).
      DMS_SANDBOX: '1',
      PORT: String(opts.port),
      RUN_DATA_DIR: opts.dataDir,
      KEEP_DATA: opts.keepData ? '1' : '0',
      SEED: opts.seed === false ? '0' : '1',
      AUTH_SECRET: BENCH_AUTH_SECRET,
      DMS_NOTIFY_SECRET: BENCH_NOTIFY_SECRET,
      ...dmsEnv,
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

  const baseUrl = `http://127.0.0.1:${opts.port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (Date.now() > deadline || child.exitCode !== null) {
      signal('SIGKILL')
      throw new Error(`server on ${opts.port} did not start:\n${log}`)
    }
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    baseUrl,
    sandboxUrl: opts.dms?.baseUrl ?? `http://127.0.0.1:${dmsEnv.SANDBOX_PORT}`,
    pgid,
    log: () => log,
    async stop() {
      signal('SIGTERM')
      if (!(await gone(10_000))) signal('SIGKILL')
      // The shell may exit before its grandchildren: give the ports a moment to close.
      await new Promise((r) => setTimeout(r, 300))
    },
    async kill() {
      signal('SIGKILL')
      await gone(5_000)
    },
  }
}
