import { sandboxEnv } from '@/lib/env'
import { createSandbox } from '@/sandbox/server'
import { listenOnSandboxPort } from './sandbox-listen'

/*
 * Runs the DMS sandbox on its own: `tsx --conditions=react-server scripts/sandbox.ts` (the condition
 * lets lib/env's `server-only` import load outside Next).
 */

async function main(): Promise<void> {
  const env = sandboxEnv()
  const sandbox = createSandbox({
    dataFile: env.SANDBOX_DATA,
    token: env.SANDBOX_TOKEN,
    notifyUrl: env.SANDBOX_NOTIFY_URL,
    notifySecret: env.DMS_NOTIFY_SECRET,
    autoPay: env.SANDBOX_AUTO_PAY === '1',
  })
  const url = await listenOnSandboxPort(sandbox, env.SANDBOX_PORT, env.SANDBOX_HOST)
  console.log(`DMS sandbox listening on ${url}`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    // close() writes the data file, so orders survive the restart.
    sandbox.close().then(
      () => {
        console.log(`DMS sandbox stopped (${signal})`)
        process.exit(0)
      },
      (e: unknown) => {
        console.error('DMS sandbox: error while stopping', e)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
