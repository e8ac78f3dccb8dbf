/*
 * `npm start`: `next start` — Next's own server — on PORT with whatever env is set.
 * With DMS_SANDBOX=1 and no DMS_BASE_URL it also runs the DMS sandbox on 127.0.0.1 and points the
 * cashier at it (`npm run cashier` asks for this), so a fresh clone works with no real DMS. With
 * neither it refuses to start: a forgotten DMS_BASE_URL must not quietly become a demo.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { defaultEnv, env, envValue, NO_DMS_MESSAGE, sandboxEnv } from '@/lib/env'
import { createSandbox } from '@/sandbox/server'
import { listenOnSandboxPort } from './sandbox-listen'

function persistedSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

async function main() {
  const useSandbox = !envValue('DMS_BASE_URL')
  if (useSandbox && envValue('DMS_SANDBOX') !== '1') {
    console.error(NO_DMS_MESSAGE)
    process.exit(1)
  }
  const port = envValue('PORT') ?? '3000'
  let stopSandbox: (() => Promise<void>) | undefined

  if (useSandbox) {
    const sbx = sandboxEnv()
    process.env.DMS_BASE_URL = `http://${sbx.SANDBOX_HOST}:${sbx.SANDBOX_PORT}`
    const token = defaultEnv('DMS_TOKEN', () => sbx.SANDBOX_TOKEN)
    const notifySecret = defaultEnv('DMS_NOTIFY_SECRET', () =>
      persistedSecret('data/.notify-secret'),
    )
    defaultEnv('AUTH_SECRET', () => persistedSecret('data/.auth-secret'))
    const sandbox = createSandbox({
      dataFile: sbx.SANDBOX_DATA,
      token,
      notifyUrl: sbx.SANDBOX_NOTIFY_URL ?? `http://127.0.0.1:${port}/api/dms/notify`,
      notifySecret,
      autoPay: sbx.SANDBOX_AUTO_PAY === '1',
    })
    const url = await listenOnSandboxPort(sandbox, sbx.SANDBOX_PORT, sbx.SANDBOX_HOST)
    console.log(`DMS sandbox (DMS_SANDBOX=1: a demo, no real payments) listening on ${url}`)
    stopSandbox = () => sandbox.close()
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
