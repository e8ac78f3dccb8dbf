/*
 * `npm start`: `next start` — Next's own server — on PORT with whatever env is set.
 * With DMS_SANDBOX=1 and no DMS_BASE_URL it also runs the DMS sandbox on 127.0.0.1 and points the
 * cashier at it (`npm run cashier` asks for this), so a fresh clone works with no real DMS. With
 * neither it refuses to start: a forgotten DMS_BASE_URL must not quietly become a demo.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { env, envValue, NO_DMS_MESSAGE } from '@/lib/env'
import { dmsMode, startDemoSandbox } from './demo-sandbox'

async function main() {
  const mode = dmsMode()
  if (mode === 'none') {
    console.error(NO_DMS_MESSAGE)
    process.exit(1)
  }
  const port = envValue('PORT') ?? '3000'
  let stopSandbox: (() => Promise<void>) | undefined

  if (mode === 'sandbox') {
    const sandbox = await startDemoSandbox({ appPort: port })
    console.log(
      `DMS sandbox (DMS_SANDBOX=1: a demo, no real payments) listening on ${sandbox.listening}`,
    )
    stopSandbox = sandbox.stop
  }

  try {
    env()
  } catch (error) {
    console.error((error as Error).message)
    await stopSandbox?.()
    process.exit(1)
  }

  // A plain node, without this process's react-server condition: Next loads its own server code.
  // Start-up work (configuration check, migrations, sweep, change feed) runs in instrumentation.ts.
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
  const server = spawn(process.execPath, [nextBin, 'start', '--port', port], {
    stdio: 'inherit',
    env: process.env,
  })
  const stop = (signal: NodeJS.Signals) => {
    server.kill(signal)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  server.on('exit', async (code) => {
    await stopSandbox?.()
    process.exit(code ?? 0)
  })
}

void main()
