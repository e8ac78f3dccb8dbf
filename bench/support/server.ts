import { spawn, type ChildProcess } from 'node:child_process'

export interface RunningServer {
  baseUrl: string
  sandboxUrl: string
  stop(): Promise<void>
}

/**
 * Starts the production build (run `npx next build` first) with its own sandbox and a fresh database,
 * the same way the end-to-end tests do, on ports of its own.
 */
export async function startServer(opts: {
  port: number
  sandboxPort: number
  dataDir: string
  env?: Record<string, string>
}): Promise<RunningServer> {
  const child: ChildProcess = spawn('bash', ['scripts/e2e-server.sh'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(opts.port),
      SANDBOX_PORT: String(opts.sandboxPort),
      RUN_DATA_DIR: opts.dataDir,
      AUTH_SECRET: 'bench-auth-secret-that-is-long-enough-0123',
      DMS_NOTIFY_SECRET: 'bench-notify-secret-0123456789',
      ...opts.env,
    },
  })
  let log = ''
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  const baseUrl = `http://127.0.0.1:${opts.port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`)
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    baseUrl,
    sandboxUrl: `http://127.0.0.1:${opts.sandboxPort}`,
    async stop() {
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
      await new Promise((r) => setTimeout(r, 500))
    },
  }
}
